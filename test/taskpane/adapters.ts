/** Workbook adapter methods a fake needs only to satisfy the type (views that do not call them). */
import type { WorkbookAdapter } from "../../src/office/workbook";

const unused = (name: string) => async () => {
  throw new Error(`${name} is not used by this view`);
};

export const UNUSED_BY_THESE_VIEWS: Pick<WorkbookAdapter, "readUsedRange" | "selectRange" | "readFills" | "writeFills" | "onSelectionChanged"> = {
  readUsedRange: unused("readUsedRange"),
  selectRange: unused("selectRange"),
  readFills: unused("readFills"),
  writeFills: unused("writeFills"),
  onSelectionChanged: async () => () => undefined,
};
