/** A message tree: texts by key, nested by module and section. */
export interface Messages {
  [key: string]: string | Messages;
}

/** Merges a language's module files (`import.meta.glob` of its folder) into one message tree. */
export function mergeModules(modules: Record<string, Messages>): Messages {
  const merged: Messages = {};
  for (const [file, messages] of Object.entries(modules)) {
    for (const key of Object.keys(messages)) {
      if (key in merged) throw new Error(`locale key "${key}" of ${file} is already defined by another module`);
    }
    Object.assign(merged, messages);
  }
  return merged;
}
