// The names of a synthetic world's files in sample-data/<preset>/ (alone, so the page can list them without the parser).

/** The files of one world, as they lie in sample-data/<preset>/. */
export const SAMPLE_FILE_NAMES = ['interactions.csv', 'items.csv', 'item_attributes.csv', 'users.csv', 'world.json'] as const;
export type SampleFileName = (typeof SAMPLE_FILE_NAMES)[number];
