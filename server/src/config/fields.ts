/** Field schemas shared by the configuration's variables (env.ts, auth.ts). */
import { z } from "zod";

export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const port = (fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .transform((value, ctx) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: "custom", message: `must be a port number 0-65535, got "${value}"` });
        return z.NEVER;
      }
      return n;
    });

export const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .transform((value, ctx) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number 1-${max}, got "${value}"` });
        return z.NEVER;
      }
      return n;
    });
