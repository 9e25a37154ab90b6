export * from './records';
export * from './writer';
export * from './parser';
export * from './validator';
export * from './import-batch';
export * from './span-check';
