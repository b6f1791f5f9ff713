// The font every chart is drawn with, shipped as an npm dependency so a slim container needs no system fonts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Inter (SIL Open Font License 1.1, free to redistribute), regular and bold. */
export const CHART_FONT_FAMILY = 'Inter';
export const CHART_FONT_FILES = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];
