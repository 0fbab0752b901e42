/** PAI Designer drafts for browser tests: a canvas as PAI's console writes it, seeded and read through the server. */
import { type APIRequestContext, expect } from "@playwright/test";

const READ = "id-e2e1-1700000000001-00001";
const CONVERT = "id-e2e1-1700000000002-00002";

/** A draft's canvas as PAI's console writes it, with a field the designer does not know. */
export function canvas(name: string, fill: string): string {
  return JSON.stringify({
    metadata: { name, desc: "e2e" },
    nodes: [
      {
        id: READ,
        name: "读数据表-订单",
        metadata: { identifier: "data_source", version: "v1", provider: "pai" },
        properties: [{ name: "inputTableName", value: "pai_online_project.wumai_data" }],
        position: { x: 120, y: 80 },
        viewState: { collapsed: false },
      },
      {
        id: CONVERT,
        name: "类型转换-订单",
        metadata: { identifier: "type_transform", version: "v1", provider: "pai" },
        properties: [
          { name: "cols_to_double", value: "pm2,pm10" },
          { name: "default_string_value", value: fill },
        ],
        position: { x: 120, y: 240 },
      },
    ],
    edges: [{ source: READ, sourceAnchor: "outputTable", target: CONVERT, targetAnchor: "inputTable" }],
    globalParams: [],
    globalSettings: [],
  });
}

export interface Draft {
  id: string;
  name: string;
  version: number;
}

export async function seedDraft(request: APIRequestContext, name: string): Promise<Draft> {
  const res = await request.post("/api/workspace/drafts", {
    data: { name, content: canvas(name, "NA"), accessibility: "PUBLIC" },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).draft;
}

export async function readDraft(
  request: APIRequestContext,
  id: string,
): Promise<{ draft: Draft; content: string }> {
  const res = await request.get(`/api/workspace/drafts/${id}`);
  expect(res.ok()).toBe(true);
  return res.json();
}
