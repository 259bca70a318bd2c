// `<lang>.json?first-screen`: the namespaces of first-screen.ts, picked by vite.config.ts.
declare module '*.json?first-screen' {
  const messages: Record<string, unknown>;
  export default messages;
}
