/** What a value becomes after JSON.stringify and JSON.parse: dates (and big integers) arrive as strings. */
export type Jsonified<T> = T extends Date | bigint
  ? string
  : T extends (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;
