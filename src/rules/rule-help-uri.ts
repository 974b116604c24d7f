/** Where a rule's documentation lives. */
export function ruleHelpUri(id: string): string {
  return `https://github.com/genai-debt/genai-debt/blob/main/docs/rules.md#${id}`;
}
