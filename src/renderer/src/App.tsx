import { lazy, Suspense, useMemo, useState } from 'react'
import { parseChatDraft } from '@shared/tools/chat'
import type { LoadedStateResult } from '@shared/contract/ipc'
import { LAB_TOGGLES } from '@shared/contract/settings'
import type { Host } from './host/host'
import { useDocumentFile } from './app/useDocumentFile'
import { useEditorWiring } from './app/useEditorWiring'
import { useInspector } from './app/useInspector'
import { useMenuCommands } from './app/useMenuCommands'
import { useModels } from './app/useModels'
import { useSettings } from './app/useSettings'
import { useStatusMessage } from './app/useStatusMessage'
import { useCountAnnouncement } from './app/useCountAnnouncement'
import { FileConflictBar } from './app/FileConflictBar'
import { ChatPanel, useChatAutosave } from './features/chat'
import { ComparePanel, useCompareSource } from './features/compare'
import { CountsPanel } from './features/counts'
import { editorEndsWithBreak } from './features/counts'
import { CostLine } from './features/cost'
import { OpenedTokenizer, OpenTokenizerButton, useCustomTokenizer } from './features/customTokenizer'
import { DecodePanel, useDecode } from './features/decode'
import { useTokenExport } from './features/export'
import { Inspector } from './features/inspector'
import { HowTokenIsBuilt } from './features/mergeReplay'
import { fitToLimit, LimitsPanel, useLimits } from './features/limits'
import { useSamplingHost } from './features/sampling'
import { useLanguagesHost } from './features/languages'
import { SplitPanel, useSplit } from './features/split'
import { StatsPanel, useStats } from './features/stats'
import { TokenIdPanel } from './features/tokenIds'
import { useVocabDocument, VocabPanel } from './features/vocab'
import { DensityLegend } from './ui/DensityLegend'
import { EditorKeysHint } from './ui/EditorKeysHint'
import { SidebarSplitter, useSidebarWidth } from './ui/SidebarSplitter'
import { StatusBar } from './ui/StatusBar'
import { Toolbar } from './ui/Toolbar'
import { ToolsNav } from './ui/ToolsNav'
import { useWorkspace } from './workspace/workspace'
import { useEditorSession } from './session/useEditorSession'
import { WELCOME_TEXT } from './welcomeText'

/** The sampling lab loads when first opened. */
const SamplingPanel = lazy(() => import('./features/sampling/SamplingPanel'))
/** The Train a tokenizer panel loads when first opened. */
const TrainerPanel = lazy(() => import('./features/trainer/TrainerPanel'))
/** The embeddings lab (its model loads on first use, in its worker). */
const EmbeddingsPanel = lazy(() => import('./features/embeddings/EmbeddingsPanel'))
/** The Languages lab loads when first opened. */
const LanguagesPanel = lazy(() => import('./features/languages/LanguagesPanel'))

/** The whole app: toolbar, editor with token colouring, counts, limits, inspector, token ids, tool panels. */
export function App({ host, saved }: { host: Host; saved: LoadedStateResult }) {
  const { message, setMessage, textEdited } = useStatusMessage(saved)
  const models = useModels(setMessage)
  const { settings, settingsRef, restoring, endRestore, update, onEncoding, onModel, onSpecialMode, onToggle, toggle, closeLab, onCustomLimit } = useSettings(host, saved, models)
  // The editor and its tokenizer (editor/, tokens/, worker client), linked in one session.
  const { session, snapshot: editor, editorParent } = useEditorSession({ initialText: saved.values.draft ?? WELCOME_TEXT, encoding: settings.encoding, mode: settings.specialMode, display: settings })
  const ws = useWorkspace(session, host, settingsRef, setMessage)
  const inspector = useInspector(ws)
  const customTokenizer = useCustomTokenizer(ws, host, onEncoding, { id: restoring, end: endRestore })
  const file = useDocumentFile(host, saved, ws, customTokenizer.openDropped)
  const { opened } = customTokenizer
  const openedTokenizer = useMemo(() => (opened?.id ? { id: opened.id, name: opened.description.name } : null), [opened])
  const chatOpened = useMemo(() => (openedTokenizer && opened ? { ...openedTokenizer, hasChatTemplate: opened.description.hasChatTemplate } : null), [openedTokenizer, opened])
  const openTokenizerButton = useMemo(() => <OpenTokenizerButton onOpen={customTokenizer.open} busy={customTokenizer.checking} />, [customTokenizer.open, customTokenizer.checking])
  const { snapshot, shownIndex, work, screen, tabIndents } = useEditorWiring({ ws, settings, setMessage, textEdited, ...file, ...inspector, setTokenizer: onEncoding }, editor)
  const { rows, activeRow, cutLine, showCut } = useLimits(ws, settings, models, inspector.inspected)
  const complete = snapshot !== null && snapshot.pending === 0
  const tokenCount = complete ? snapshot.count : null
  useCountAnnouncement(settings.encoding, settings.specialMode, complete ? snapshot : null, inspector.setAnnouncement)

  const [chatInitial] = useState(() => parseChatDraft(saved.values.chat ?? null))
  const { save: saveChat, flush: flushChat } = useChatAutosave(host, setMessage)
  const { exportTokens, copyIds } = useTokenExport(ws)
  const split = useSplit(ws)
  const decode = useDecode(ws)
  const stats = useStats(ws)
  const compareSource = useCompareSource(ws)
  const samplingHost = useSamplingHost(ws, settings.encoding)
  const languagesHost = useLanguagesHost(ws)
  const vocabDocument = useVocabDocument(ws)
  const [sidebarWidth, setSidebarWidth] = useSidebarWidth()
  const { pending: pendingFile, keepMine, loadPending, applyOpened } = file.incoming

  const actions = {
    newText: file.newText,
    openFile: file.openFile,
    openTokenizer: customTokenizer.open,
    saveTextAs: () => void file.saveTextAs(),
    exportTokens,
    setEncoding: onEncoding,
    toggle,
    setTheme: (theme: typeof settings.theme) => update({ theme }),
  }
  const webFileActions = useMenuCommands(host, { actions, applyOpened, setMessage, beforeClose: () => Promise.allSettled([file.flushDraft(), flushChat()]) })
  const focusText = () => ws.viewRef.current?.focus()
  const { getText: editorText, getTextVersion: textVersion } = compareSource

  return (
    <div className="app" onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()} onDrop={file.onDrop}>
      <Toolbar settings={settings} models={models} onEncoding={onEncoding} onModel={onModel} onSpecialMode={onSpecialMode} onToggle={onToggle} onOpenFile={file.openFile} fileActions={webFileActions} openTokenizer={openTokenizerButton} openedTokenizer={openedTokenizer} />
      <main
        className={`workspace${LAB_TOGGLES.some((k) => settings[k]) ? ' with-lab' : ''}`}
        style={sidebarWidth === null ? undefined : ({ '--sidebar-width': `${sidebarWidth}px` } as React.CSSProperties)}
      >
        <div className="editor-column">
          {pendingFile && (
            <FileConflictBar
              pending={pendingFile}
              currentText={editorText}
              countTokens={(texts) => ws.clientRef.current?.count(settingsRef.current.encoding, settingsRef.current.specialMode, texts) ?? Promise.reject(new Error('The tokenizer is not running.'))}
              onKeep={() => (keepMine(), focusText())}
              onLoad={() => (loadPending(), focusText())}
            />
          )}
          <div className="editor" ref={editorParent} />
          {settings.showDensity && <DensityLegend />}
          <EditorKeysHint tabIndents={tabIndents} />
          {settings.showIds && (
            <TokenIdPanel tokens={shownIndex} revision={snapshot} screen={screen} inspected={inspector.inspected} onInspect={inspector.inspectAndAnnounce} onCopy={copyIds} onExport={exportTokens} />
          )}
        </div>
        {settings.showSampling && (
          <Suspense fallback={<section className="sampling-lab lab-column" aria-label="Sampling lab" aria-busy="true" />}>
            <SamplingPanel onClose={() => closeLab('showSampling')} host={samplingHost} revision={snapshot} encoding={settings.encoding} />
          </Suspense>
        )}
        {settings.showTrainer && (
          <Suspense fallback={<section className="trainer-lab lab-column" aria-label="Train a tokenizer" aria-busy="true" />}>
            <TrainerPanel onClose={() => closeLab('showTrainer')} getText={editorText} saveFile={ws.saveFile} onUseInEditor={customTokenizer.openTrained} />
          </Suspense>
        )}
        {settings.showEmbeddings && (
          <Suspense fallback={<section className="embeddings-lab lab-column" aria-label="Embeddings" aria-busy="true" />}>
            <EmbeddingsPanel onClose={() => closeLab('showEmbeddings')} getText={editorText} />
          </Suspense>
        )}
        {settings.showLanguages && (
          <Suspense fallback={<section className="languages-lab lab-column" aria-label="Languages" aria-busy="true" />}>
            <LanguagesPanel onClose={() => closeLab('showLanguages')} host={languagesHost} encoding={settings.encoding} mode={settings.specialMode} opened={openedTokenizer} />
          </Suspense>
        )}
        <SidebarSplitter width={sidebarWidth} onWidth={setSidebarWidth} />
        <aside className="sidebar" id="sidebar">
          <ToolsNav />
          <CountsPanel
            tokens={tokenCount}
            counts={complete ? snapshot.counts : null}
            endsWithBreak={editorEndsWithBreak(session.view)}
            stale={!complete}
            version={snapshot?.version ?? -1}
            encoding={snapshot?.encoding ?? null}
            tokenizedBy={snapshot?.local ? 'editor' : 'worker'}
          >
            <CostLine tokens={tokenCount} model={settings.model} prices={settings.prices} reserve={settings.replyReserve} onChange={update} />
          </CountsPanel>
          <OpenedTokenizer opened={customTokenizer.opened} />
          <LimitsPanel
            tokens={tokenCount}
            countedSoFar={snapshot?.count}
            rows={rows}
            active={activeRow?.key ?? null}
            customLimit={settings.customLimit}
            onActive={(activeLimit) => update({ activeLimit })}
            onFit={(request) => void (activeRow && fitToLimit(ws, activeRow.value, request))}
            cutLine={cutLine}
            onShowCut={showCut}
            onCustomLimit={onCustomLimit}
          />
          <Inspector
            onStep={(i) => inspector.inspectAndAnnounce(i, 'keyboard')}
            lineCost={inspector.lineCost}
            tokenCount={tokenCount ?? 0}
            info={inspector.info}
            bytesHex={inspector.shownBytes?.hex ?? null}
            byteCount={inspector.shownBytes?.count ?? null}
          >
            <HowTokenIsBuilt target={inspector.replayTarget} />
          </Inspector>
          <ChatPanel models={models} initial={chatInitial} onChange={saveChat} editorText={editorText} model={settings.model} opened={chatOpened} />
          <ComparePanel current={settings.encoding} mode={settings.specialMode} models={models} {...compareSource} textVersion={snapshot?.version ?? -1} model={settings.model} prices={settings.prices} opened={openedTokenizer} />
          <StatsPanel compute={stats.compute} textOf={stats.textOf} textVersion={snapshot?.version ?? -1} encoding={settings.encoding} getTextVersion={textVersion} />
          <SplitPanel onSplit={split.split} preview={split.preview} onCopy={split.copyChunk} onExport={split.exportChunks} />
          <DecodePanel encoding={settings.encoding} onDecode={decode.decode} onPlaceholder={decode.placeholder} onCopy={decode.copy} onSave={decode.save} />
          <VocabPanel encoding={settings.encoding} revision={snapshot} document={vocabDocument} />
        </aside>
      </main>
      <div className="sr-only" aria-live="polite" role="status" aria-label="Announcements">
        {inspector.announcement}
      </div>
      <StatusBar
        work={work}
        message={message}
        onDismiss={() => {
          // The dismiss button goes away with the message: focus goes back to the text.
          setMessage(null)
          focusText()
        }}
        onAction={setMessage}
        snapshot={snapshot}
        encoding={settings.encoding}
      />
    </div>
  )
}
