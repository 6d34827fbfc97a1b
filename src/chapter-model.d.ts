declare module 'virtual:chapter-model' {
  /** The chapter as the build read it (see src/build/chapter-model.ts). */
  const model: import('./build/chapter-model.ts').ChapterModel;
  export default model;
}
