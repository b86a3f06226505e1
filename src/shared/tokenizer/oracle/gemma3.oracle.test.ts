// gemma3: ids, spans and chunk cuts against the reference implementation (see tokenizerOracleSuite.ts).
import { tokenizerOracleSuite } from '../../testing/tokenizerOracleSuite'

tokenizerOracleSuite('gemma3')
