import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A plain Vite React app: nothing special is needed for the widgets.
export default defineConfig({ plugins: [react()] });
