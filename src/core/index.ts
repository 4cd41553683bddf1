export * from "./errors";
export * from "./scenario";
export * from "./projection";
export * from "./rates";
export * from "./cost";
export * from "./namespace";
export * from "./calendar";
