/**
 * The allocation sheet, host-neutral: layout (what the product writes),
 * reading (a grid of cell values back to facts) and validation (recomputing
 * with the core). No Office, no file I/O: the faces move the values.
 */
export * from "./calc";
export * from "./cells";
export * from "./columns";
export * from "./engine";
export * from "./findings";
export * from "./layout";
export * from "./read";
export * from "./report";
export * from "./rules";
export * from "./texts";
export * from "./formulas";
export * from "./validate";
