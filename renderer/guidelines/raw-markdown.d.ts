// Vite's `?raw` import: a file's text as a string (the shipped guidelines).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
