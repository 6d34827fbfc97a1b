declare module 'virtual:chapter-model' {
  /** The chapter as the store has it: the build's, or the dev server's after an edit (see src/chapter/model.ts). */
  const model: import('./chapter/model.ts').ChapterModel;
  export default model;
}
