/** The DuckDB database in the data directory: the table catalog and every run's output tables. */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { lit } from "./engine/sql";
import { DataDirInUseError } from "./service-file";

const WAREHOUSE_FILE = "warehouse.duckdb";

export class Warehouse {
  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
  ) {}

  /** Opens (or creates) the data directory's database; a clear error when another process holds it. */
  static async open(dataDir: string): Promise<Warehouse> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, WAREHOUSE_FILE);
    try {
      return new Warehouse(file, await DuckDBInstance.create(file));
    } catch (error) {
      const message = (error as Error).message;
      if (/lock/i.test(message)) {
        throw new DataDirInUseError(
          `The data directory ${dataDir} is in use by another process (a running PAIFlow local service?): ${message}`,
        );
      }
      throw error;
    }
  }

  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /** Runs `fn` on a fresh connection and closes it after. */
  async with<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  }

  /**
   * Closes the database to the outside: pipelines' SQL cannot read or write files, attach
   * databases, install or load extensions, or change a setting, and cannot turn any of that back
   * on. Results larger than memory spill to `tmp/` in the data directory (set before the lock:
   * DuckDB's own spilling is not "external access"). The service calls this once its own set-up
   * is done; importing files is the CLI's job, in its own process.
   */
  async lockDown(): Promise<void> {
    await this.with(async (conn) => {
      await conn.run(`SET temp_directory = ${lit(path.join(path.dirname(this.file), "tmp"))}`);
      await conn.run("SET autoinstall_known_extensions = false");
      await conn.run("SET autoload_known_extensions = false");
      await conn.run("SET allow_community_extensions = false");
      await conn.run("SET enable_external_access = false");
      await conn.run("SET lock_configuration = true");
    });
  }

  close(): void {
    this.instance.closeSync();
  }
}
