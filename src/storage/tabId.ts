// Which tab this is, so each tab keeps its own undo history. sessionStorage
// belongs to one tab and survives its reloads, so the history does too; a new
// tab starts with none. Where there is no sessionStorage (tests, a worker),
// the id lives as long as the module.

const KEY = 'netwerkkaart-tab';
let fallback: string | undefined;

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function thisTab(): string {
  try {
    const store = globalThis.sessionStorage;
    if (store) {
      let id = store.getItem(KEY);
      if (!id) {
        id = newId();
        store.setItem(KEY, id);
      }
      return id;
    }
  } catch {
    // Storage refused (privacy settings): a tab id for this page's life.
  }
  return (fallback ??= newId());
}
