export function registerPageCache(cache: { expire(): void }): void;
export function emptyPageCache(): void;
