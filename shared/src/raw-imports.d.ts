// Tests read fixture manifests through Vite's `?raw` imports (shared/ itself does no file I/O).
declare module "*.yaml?raw" {
  const text: string;
  export default text;
}

declare module "*.json?raw" {
  const text: string;
  export default text;
}
