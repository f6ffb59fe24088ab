/** The shape of a dictionary: the same keys as the Vietnamese one, every leaf a string. */
export type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };
