import type { CommandName } from './args'

const TOKENIZER_OPTIONS = `
Tokenizer (as in the app):
      --tokenizer ID|PATH
                        a tokenizer id: r50k_base, p50k_base, p50k_edit, cl100k_base,
                        o200k_base (default), o200k_harmony, llama3, llama3.1 (Llama
                        3.1-3.3), qwen3, deepseek-v3, gemma3, mistral-nemo, claude-legacy
                        (Anthropic's legacy tokenizer: only an estimate for Claude 3 and
                        later); or a Hugging Face
                        tokenizer.json, or a folder holding one (tokenizer_config.json beside
                        it is read too; a folder named like an id is ./NAME)
  -e, --encoding ID     the same, ids only
  -m, --model NAME      a model: sets its tokenizer (and, for check and trim, its context
                        window as the limit); see "tokenizer-explorer models". With a
                        tokenizer.json, the file counts and the model gives the window
      --special MODE    text (default): strings such as <|endoftext|> are ordinary text;
                        special: each one is its single special token`

const PRICE_OPTIONS = `
Cost (US dollars; each file priced as one prompt plus the reply):
      --price           add a cost column at the model's prices from the bundled, dated table
                        (the date and source are printed with the costs)
      --price-in X      dollars per million prompt tokens, instead of the table's (implies --price)
      --price-out Y     dollars per million reply tokens, instead of the table's (implies --price)`

const INPUT_OPTIONS = `
Inputs: files, folders (read recursively; what .gitignore ignores is left out, and .git),
or - for standard input (the default). Binary files and files over --max-size are skipped
with the reason.
      --max-size SIZE   skip files larger than this (default 50M; k, M, G are powers of 1024)
      --no-ignore       read .gitignore'd files too
  -j, --jobs N          worker threads for counting (default: one per core when the input
                        is 4 MB or more; 1 = count on the main thread)`

/** The help text of one subcommand, or the overview for null. */
export function helpText(topic: CommandName | null): string {
  switch (topic) {
    case null:
      return `tokenizer-explorer: count, check, trim, split, encode and decode text as language models see it
(OpenAI's encodings, Llama 3, Qwen 3, DeepSeek V3, Gemma 3, Mistral Nemo, Claude's legacy
tokenizer or any tokenizer.json, with the same code as the Tokenizer Explorer app).

Usage: tokenizer-explorer COMMAND [options] [inputs]

Commands:
  count   [PATHS|-]                      tokens, characters, words, bytes and lines per file and in total
  check   [PATHS|-] --limit N            exit 1 if a file is over the limit (0 if all fit)
  encode  [FILE|-] | --text STR          token ids (or --json: ids with spans and bytes)
  decode  [IDS...|-]                     token ids back to text
  trim    [FILE|-] --limit N             keep the first, last or both ends' tokens within the limit
  split   [FILE|-] --size N              chunks of N tokens (overlap M), as files or JSON Lines
  train   PATHS --merges N --out FILE    train a byte-level BPE tokenizer and save its tokenizer.json
  models                                 the models --model knows, with tokenizers and windows
  embed   [FILE|-] [--compare]           a 512-number vector per line (a sentence encoder), or their similarities
  chat    FILE.json [--model M]          an API request body's tokens: messages, images, tools

Run "tokenizer-explorer COMMAND --help" for a command's options.

Exit codes: 0 done; 1 a file is over the limit (check), the input cannot be used (decode of a
bad id, a binary file) or an unexpected error; 2 bad usage (unknown option, bad value, a path
that cannot be read); 3 nothing to work on (count and check read no file because every
input was skipped or none was found; decode found no ids).
${TOKENIZER_OPTIONS}
`
    case 'count':
      return `Usage: tokenizer-explorer count [options] [PATHS...|-]

Counts tokens, characters (code points), words, UTF-8 bytes and lines of each file and in
total. On a terminal, a progress line shows on standard error for long runs. Lines are
counted as wc does, plus a last line with no newline at its end ("a\nb" and "a\nb\n" are 2
lines; "a\n\n" is 2), as in the app.

Exit codes: 0 counted; 2 bad usage (unknown option, bad value, a path that cannot be read);
3 when no file could be counted (every input was skipped, or none was found).

      --json            print JSON: {encoding, model, special, files: [{path, tokens, characters,
                        words, bytes, lines, invalidBytes}], skipped: [{path, reason, message}],
                        total: {files, tokens, characters, words, bytes, lines}}; with --price,
                        also price: {input, output, reserve, origin, asOf, source, tiered} and a
                        cost: {input, output, total} per file and in the total
      --reserve M       with --price: price a reply of M tokens with each file
${PRICE_OPTIONS}
${INPUT_OPTIONS}
${TOKENIZER_OPTIONS}
`
    case 'check':
      return `Usage: tokenizer-explorer check (--limit N | --model NAME) [options] [PATHS...|-]

Checks that each file fits within a token limit: exit code 0 when every file fits, 1 when
one does not (it says which, by how much, and at which line and column the limit cuts),
2 on bad usage (unknown option, bad value, a path that cannot be read), 3 when nothing could
be checked (every input was skipped, or none was found), so a CI hook never passes on nothing.

  -l, --limit N         the limit in tokens (4096, 8,192, 128k); default: the model's window
      --reserve M       keep M tokens free (for the reply): the budget is the limit minus M
      --json            print JSON: {encoding, model, limit, reserve, budget, fits, files: [{path,
                        tokens, fits, over, remaining, cut: {line, column, offset} | null}], skipped};
                        with --price, also price, a cost per file and the total cost
${PRICE_OPTIONS}
                        (the reply priced is --reserve's M tokens)
${INPUT_OPTIONS}
${TOKENIZER_OPTIONS}
`
    case 'encode':
      return `Usage: tokenizer-explorer encode [options] [FILE|-]
       tokenizer-explorer encode --text STRING

Prints the token ids, separated by spaces.

  -t, --text STRING     encode this text instead of a file
      --json            print JSON: {encoding, special, count, tokens: [{index, id, text, bytes,
                        special, utf16: [start, end], codePoints: [start, end], utf8: [start, end]}]};
                        bytes are the token's exact UTF-8 bytes in hex (a token may hold part of
                        a character); the spans tile the text
${TOKENIZER_OPTIONS}
`
    case 'decode':
      return `Usage: tokenizer-explorer decode [options] [IDS...|-]

Turns token ids (separated by spaces, commas or newlines, or a JSON array) back into text.
The tokens' bytes are joined before decoding, so a character split across tokens comes out
whole. Ids the encoding does not have, or items that are not ids, are reported by
position (exit code 1); exit code 3 when the input holds no ids at all ("No token ids
found."), 2 on bad usage.

      --json            print JSON: {encoding, text, invalidBytes}
${TOKENIZER_OPTIONS}
`
    case 'trim':
      return `Usage: tokenizer-explorer trim (--limit N | --model NAME) [options] [FILE|-]

Prints the text cut to fit the limit, at token boundaries and never inside a character;
says on standard error how many tokens were dropped. Text that fits is printed unchanged.

  -l, --limit N         the limit in tokens; default: the model's window
      --reserve M       keep M tokens free: the budget is the limit minus M
      --keep WHAT       first (default), last, or both (the head and tail around a marker)
      --marker S        what goes between head and tail with --keep both (default "\\n[…]\\n";
                        the two characters \\n stand for a line break); the result, marker
                        included, is counted again so it really fits
${TOKENIZER_OPTIONS}
`
    case 'split':
      return `Usage: tokenizer-explorer split --size N [--overlap M] [--out DIR | --jsonl] [FILE|-]

Cuts the text into chunks of at most N tokens, each sharing M tokens with the one before,
at token boundaries and never inside a character; each chunk is counted again on its own
and cut shorter if it would take more than N tokens alone.

  -s, --size N          tokens per chunk
      --overlap M       tokens shared by neighbouring chunks (default 0)
  -o, --out DIR         write chunk-001.txt, chunk-002.txt, ... into DIR (created if needed)
      --jsonl           print JSON Lines, one chunk a line: {index, tokens, firstToken, text} (default)
${TOKENIZER_OPTIONS}
`
    case 'train':
      return `Usage: tokenizer-explorer train --merges N [--pattern P] [--out FILE] PATHS...

Trains a byte-level BPE tokenizer on the files (as the app's Train a tokenizer panel does):
starting from the 256 bytes, each merge joins the most frequent adjacent pair of tokens
inside a pre-token (ties: the pair with the smallest left id, then right id). Writes a
Hugging Face tokenizer.json (ByteLevel pre-tokenizer and decoder, the 256 byte tokens and
one token per merge) that File > Open Tokenizer, --tokenizer and Hugging Face's tokenizers
load. Prints a summary on standard error.

  -n, --merges N        merges to learn, 1 to 50,000 (the vocabulary is 256 + N tokens;
                        fewer when no pair is left)
  -p, --pattern P       how text is cut into pre-tokens before merging: gpt2, cl100k, o200k
                        (default; OpenAI's split patterns) or none (whole files: merges cross
                        words and lines)
  -o, --out FILE        where to write the tokenizer.json (default: tokenizer.json; an
                        existing file is replaced; - prints it on standard output)

Inputs: files, folders (read recursively; what .gitignore ignores is left out, and .git),
or - for standard input. Binary files and files over --max-size are skipped with the reason.
      --max-size SIZE   skip files larger than this (default 50M; k, M, G are powers of 1024)
      --no-ignore       read .gitignore'd files too
`
    case 'embed':
      return `Usage: tokenizer-explorer embed [FILE|-] [--compare] [--json]

Embeds each non-blank line (up to 10,000; each cut to 2,000 characters) with the Universal
Sentence Encoder lite (512 dimensions, Apache-2.0; the app's Embeddings lab uses the same
model, on this computer). Prints one vector a line: 512 numbers separated by spaces. Blank
lines are skipped (said on standard error). These vectors are not OpenAI's (1,536 dimensions).

  -c, --compare         print the cosine similarity of every pair of lines instead: a matrix
                        with two decimals, and each line's nearest other line
      --json            print JSON: {model, dimensions, lines: [{line, text, vector}], notes};
                        with --compare: {model, dimensions, lines: [{line, text, nearest,
                        similarity}], matrix}
`
    case 'chat':
      return `Usage: tokenizer-explorer chat [--model NAME] [--limit N [--reserve M]] [--json] FILE.json

Counts an API request body as the model will bill it: an OpenAI chat completions or
Anthropic messages body with its messages (in the model's chat format), images (by their
provider's published method; sizes read from base64 data; an image by URL has no known
size and is not counted) and tool definitions (OpenAI's cookbook estimate, or the model's
chat template). Prints each part and the total. "check FILE.json" checks such a body
against --limit or the model's window.

  -m, --model NAME      the model (default: the body's "model")
  -l, --limit N         also say whether the request fits in N tokens (exit 1 if not)
      --reserve M       keep M tokens free for the reply
      --json            print JSON: {path, model, tokenizer, format, parts: [{part, tokens, note?}],
                        total, uncounted, estimate, notes, limit?, reserve?, budget?, fits?}
`
    case 'models':
      return `Usage: tokenizer-explorer models [--tokenizer ID] [--json]

Lists the models --model knows: OpenAI's (gpt-tokenizer's list), then Llama, Qwen, DeepSeek,
Gemma, Mistral and Claude (from their model cards): name, tokenizer id, context window and
largest reply, and where those numbers come from (a reference to the list of sources
printed under the table). ~ marks models whose counts are estimates (Claude: see the note
printed).

  -e, --encoding ID, --tokenizer ID
                        only the models of this tokenizer
      --json            print JSON: [{name, encoding, contextWindow, maxOutput, source, note?,
                        approximate?}] (encoding is the tokenizer id; source is where the
                        numbers come from)
`
  }
}
