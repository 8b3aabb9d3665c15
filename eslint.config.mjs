import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": "allow-with-description", minimumDescriptionLength: 10 }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/ is the product: it never reaches into app/ (routes call lib, not the other way round).
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "**/app/*"], message: "lib/ must not import from app/" }] }] },
  },
  { ignores: ["node_modules/**", ".next/**", ".next-copy-*/**", "lib/generated/**", ".aftercare/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
