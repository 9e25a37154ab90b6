import { defineConfig } from 'vite';

// Forge's Vite plugin supplies entry, output folder and externals (electron, node builtins).
export default defineConfig({});
