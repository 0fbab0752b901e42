export * from "./api";
export * from "./graph/ops";
