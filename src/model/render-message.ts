import type { MessageData } from "./diagnostic.js";

/** Fills `{name}` placeholders from data. An unknown placeholder renders empty. */
export function renderMessage(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? "" : String(value);
  });
}
