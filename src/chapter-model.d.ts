declare module 'virtual:chapter-model' {
  /** The chapter as the build read it (see src/chapter/model.ts). */
  const model: import('./chapter/model.ts').ChapterModel;
  export default model;
}
