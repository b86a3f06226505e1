/** The text a first-time user sees: it shows off what tokenization does to different text. */
export const WELCOME_TEXT = `Welcome to Tokenizer Explorer! Each coloured chip is one token: the unit a language model reads and bills.

Common words are a single token, while rare ones such as "antidisestablishmentarianism" split into pieces. Numbers split oddly too: 3.14159265, 1,000,000, 2026-11-26.
Other scripts and emoji cost more: 日本語のテキスト, مرحبا, 👩🏽‍💻 🦙.

def greet(name: str) -> str:
    return f"Hello, {name}!"

Hover a token to inspect its id and bytes. Strings like <|endoftext|> are plain text here until you set "Special tokens" to special.
`
