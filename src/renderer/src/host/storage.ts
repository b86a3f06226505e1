const PREFIX = 'tokenizer-explorer:'

/** Reads a value from localStorage, or null when absent or storage is unavailable. */
export function loadFromStorage(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key)
  } catch {
    return null
  }
}

/** Writes a value to localStorage; false when storage is full or unavailable. */
export function saveToStorage(key: string, value: string): boolean {
  try {
    localStorage.setItem(PREFIX + key, value)
    return true
  } catch {
    return false
  }
}
