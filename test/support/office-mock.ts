/**
 * Helpers over Microsoft's office-addin-mock shared by the office.js adapter tests.
 */
export type Mock = Record<string, unknown> & { addMock(name: string): void; populate(data: object): void };

/**
 * A child object in the mock's tree, so that `context.sync()` reaches it (the
 * mock syncs only objects below the context, as office.js does for proxies
 * created from it).
 */
export function child(parent: Mock, key: string, data: object): Mock {
  if (parent[key] === undefined) {
    parent.addMock(key);
    (parent[key] as unknown as Mock).populate(data);
  }
  return parent[key] as unknown as Mock;
}

/**
 * `worksheets.getItemOrNullObject` as office.js has it: sheet names match
 * without regard to case; an unknown name gives a null object (a new child
 * named by `id`, with isNullObject set) instead of an error.
 */
export function installSheetLookup<S extends { name: string }>(worksheets: Mock, sheets: readonly S[], sheetMock: (s: S) => Mock, id: () => string): void {
  worksheets.getItemOrNullObject = (name: string) => {
    const found = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (found) return sheetMock(found);
    const nothing = child(worksheets, id(), { name: "" });
    nothing.isNullObject = true;
    return nothing;
  };
}
