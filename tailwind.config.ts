// Tailwind 4 reads its theme from CSS; this file holds the few settings shared with tooling and is
// loaded from src/index.css with @config.
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      fontFamily: { sans: ['Inter', 'ui-sans-serif', 'system-ui', 'sans-serif'] },
    },
  },
};
