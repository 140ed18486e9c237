/** The shape every translation of a catalogue section must have: the English section's keys, each a string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }
