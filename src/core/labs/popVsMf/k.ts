// The top-k cut-off of every metric in the popularity-vs-MF lab.
export const K = 10;
