<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArticleForm</name>
    <message>
        <source>Kicker (引题)</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Headline (主题)</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Deck (副题)</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <source>Author line</source>
        <translation>作者行</translation>
    </message>
    <message>
        <source>Dateline (电头)</source>
        <translation>电头</translation>
    </message>
    <message>
        <source>(no slot)</source>
        <translation>（未指定版位）</translation>
    </message>
    <message>
        <source>%1 · %2 col. · %3 lines in all</source>
        <translation>%1 · %2栏 · 共%3行</translation>
    </message>
    <message>
        <source>Slot (版位)</source>
        <translation>版位</translation>
    </message>
    <message>
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Mark the current paragraph as a subhead (Ctrl+Alt+H)</source>
        <translation>将当前段设为小标题（Ctrl+Alt+H）</translation>
    </message>
    <message>
        <source>One paragraph per line.</source>
        <translation>每行一段。</translation>
    </message>
    <message>
        <source>Body text: one paragraph per line</source>
        <translation>正文：每行一段</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Byline tag (署名)</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Assign slot</source>
        <translation>指定版位</translation>
    </message>
    <message>
        <source>This page&apos;s template has no slots to fit into</source>
        <translation>本版模板未设版位，不核算是否排得下</translation>
    </message>
    <message>
        <source>Auto layout sizes the block to its text: choose a slot, or fix its place, to plan its length</source>
        <translation>自动排版按文字长短定版块大小；选择版位或固定版块位置，即可按计划行数核对字数</translation>
    </message>
    <message>
        <source>Does not fit on the page: set on a continuation page</source>
        <translation>本版排不下：已移到续版</translation>
    </message>
    <message numerus="yes">
        <source>Overset by %n line(s) (≈ %1 characters to cut)</source>
        <translation>
            <numerusform>超 %n 行（约需删 %1 字）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Short by %n line(s) (≈ %1 characters to add)</source>
        <translation>
            <numerusform>缺 %n 行（约可补 %1 字）</numerusform>
        </translation>
    </message>
    <message>
        <source>Fits: %1 of %2 lines</source>
        <translation>合适：%1 / %2 行</translation>
    </message>
</context>
<context>
    <name>BannerForm</name>
    <message>
        <source>Kicker (引题)</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Banner headline (通栏标题)</source>
        <translation>通栏标题</translation>
    </message>
    <message>
        <source>Deck (副题)</source>
        <translation>副题</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <source>Select a page or a block in the outline, or add an article from the Insert menu.</source>
        <translation>在大纲中选择版面或内容块，或从“插入”菜单添加文章。</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择内容</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Banner headline</source>
        <translation>通栏标题</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>Issue details</source>
        <translation>刊期信息</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>Deleted since the last closed round: 「%1」</source>
        <translation>上一校次后删去：「%1」</translation>
    </message>
    <message>
        <source>Inserted since the last closed round</source>
        <translation>上一校次后新增</translation>
    </message>
    <message>
        <source>Add proofreading mark</source>
        <translation>添加校对标记</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Accept mark: 「%1」→「%2」</source>
        <translation>采纳标记：「%1」→「%2」</translation>
    </message>
    <message>
        <source>Accept mark</source>
        <translation>采纳标记</translation>
    </message>
    <message>
        <source>Reject mark</source>
        <translation>不采纳标记</translation>
    </message>
    <message>
        <source>Add proofreading mark…</source>
        <translation>添加校对标记…</translation>
    </message>
    <message>
        <source>Replace with “%1”</source>
        <translation>改为“%1”</translation>
    </message>
    <message>
        <source>Normalise punctuation in this block</source>
        <translation>规范本稿标点</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>编辑正文</translation>
    </message>
    <message>
        <source>Toggle subhead</source>
        <translation>切换小标题</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>New issue</source>
        <translation>新建刊期</translation>
    </message>
    <message>
        <source>Page template:</source>
        <translation>版面模板：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Projects and pages (*.bulletin *.txt *.docx);;All files (*)</source>
        <translation>项目和稿件 (*.bulletin *.txt *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>The file could not be opened; it has not been changed.</source>
        <translation>文件无法打开，文件本身未作任何改动。</translation>
    </message>
    <message>
        <source>Project in use</source>
        <translation>项目正在使用</translation>
    </message>
    <message>
        <source>This project is open in editor-app by %1.</source>
        <translation>此项目正由 %1 在 editor-app 中打开。</translation>
    </message>
    <message>
        <source>That editor-app is no longer running; you can take the project over.</source>
        <translation>那个 editor-app 已不在运行，可以接管此项目。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>editor-app projects</source>
        <translation>editor-app 项目</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The document was not saved; your changes are still open.</source>
        <translation>文档未保存，修改内容仍在窗口中。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已被修改</translation>
    </message>
    <message>
        <source>Save your version under another name? (Choose Discard to overwrite the other version.)</source>
        <translation>把您的版本另存为其他文件名吗？（选择“放弃”将覆盖另一个版本。）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>“%1”有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unsaved work was kept in: %1</source>
        <translation>未保存的工作已保留在：%1</translation>
    </message>
    <message>
        <source>The log, to send with a report: %1</source>
        <translation>日志文件（报告问题时请一并发送）：%1</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现意外错误</translation>
    </message>
    <message>
        <source>editor-app hit an unexpected problem. Your document is still open; please save your work.</source>
        <translation>编辑助手遇到意外问题。文档仍然打开，请及时保存。</translation>
    </message>
    <message>
        <source>Details for the developers:</source>
        <translation>供开发人员参考的详细信息：</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export DOCX</source>
        <translation>导出 DOCX</translation>
    </message>
    <message>
        <source>Each page&apos;s own template</source>
        <translation>各版面自己的模板</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Proofreaders&apos; marks as Word comments</source>
        <translation>校对标记作为 Word 批注</translation>
    </message>
    <message>
        <source>Accepted and rejected marks as resolved comments</source>
        <translation>已采纳、已驳回的标记作为已解决批注</translation>
    </message>
    <message>
        <source>Checker findings as Word comments</source>
        <translation>校对结果作为 Word 批注</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>No (Simplified Chinese)</source>
        <translation>否（简体）</translation>
    </message>
    <message>
        <source>Traditional (OpenCC standard)</source>
        <translation>繁体（OpenCC 标准）</translation>
    </message>
    <message>
        <source>Traditional, Taiwan</source>
        <translation>繁体（台湾）</translation>
    </message>
    <message>
        <source>Traditional, Hong Kong</source>
        <translation>繁体（香港）</translation>
    </message>
    <message>
        <source>Traditional edition</source>
        <translation>繁体版</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>“%1”已存在，是否替换？</translation>
    </message>
</context>
<context>
    <name>FieldEdit</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Characters / characters that fit on one line of the slot</source>
        <translation>字数 / 版位内一行可排字数</translation>
    </message>
</context>
<context>
    <name>FindDock</name>
    <message>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>In this block</source>
        <translation>本稿</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>本版</translation>
    </message>
    <message>
        <source>In the whole issue</source>
        <translation>全刊</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一处</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一处</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Replace every match in the chosen scope (one undo step)</source>
        <translation>替换所选范围内的每一处（一步即可撤销）</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>未找到</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>共 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace all 「%1」</source>
        <translation>全部替换「%1」</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <source>Findings</source>
        <translation>校对结果</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>By page</source>
        <translation>按版面</translation>
    </message>
    <message>
        <source>By article</source>
        <translation>按稿件</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>差错</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All passes</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <source>Fast pass</source>
        <translation>快速检查</translation>
    </message>
    <message>
        <source>Deep pass</source>
        <translation>深度检查</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>改正</translation>
    </message>
    <message>
        <source>Replace the words with the first suggestion</source>
        <translation>按第一条建议改正</translation>
    </message>
    <message>
        <source>Ignore here</source>
        <translation>在此忽略</translation>
    </message>
    <message>
        <source>Dismiss this finding in this block (saved with the issue)</source>
        <translation>在本内容块中忽略此问题（随刊期保存）</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>Proofreading marks</source>
        <translation>校对标记</translation>
    </message>
    <message>
        <source>Import notes (%1)</source>
        <translation>导入提示（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>校对 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 处</translation>
    </message>
    <message>
        <source>%1 per 10,000 characters</source>
        <translation>差错率 %1/万</translation>
    </message>
    <message>
        <source>Errors and open marks: %1; characters: %2</source>
        <translation>差错及未处理标记：%1；字数：%2</translation>
    </message>
    <message>
        <source>Fix: 「%1」→「%2」</source>
        <translation>改正：「%1」→「%2」</translation>
    </message>
    <message>
        <source>Ignore in this document</source>
        <translation>在本刊中忽略</translation>
    </message>
    <message>
        <source>Add 「%1」 to the user dictionary</source>
        <translation>将「%1」加入用户词典</translation>
    </message>
    <message>
        <source>Turn this rule off</source>
        <translation>关闭此规则</translation>
    </message>
    <message>
        <source>Accept mark</source>
        <translation>采纳标记</translation>
    </message>
    <message>
        <source>Reject mark</source>
        <translation>驳回标记</translation>
    </message>
    <message>
        <source>Dismiss note</source>
        <translation>不再提示</translation>
    </message>
    <message>
        <source>Go to the text</source>
        <translation>转到原文</translation>
    </message>
    <message numerus="yes">
        <source>%n open mark(s)</source>
        <translation>
            <numerusform>待处理标记 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueForm</name>
    <message>
        <source>Publication</source>
        <translation>刊名</translation>
    </message>
    <message>
        <source>Issue number</source>
        <translation>期号</translation>
    </message>
    <message>
        <source>Total number</source>
        <translation>总期号</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <source>Compiled by</source>
        <translation>编印单位</translation>
    </message>
    <message>
        <source>Permit number</source>
        <translation>准印证号</translation>
    </message>
    <message>
        <source>Edit issue details</source>
        <translation>编辑刊期信息</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Page preview</source>
        <translation>版面预览</translation>
    </message>
    <message>
        <source>Move block</source>
        <translation>移动版块</translation>
    </message>
    <message>
        <source>Deep proofreading (深度校对) could not run: %1</source>
        <translation>深度校对未能运行：%1</translation>
    </message>
    <message>
        <source>Checker failed</source>
        <translation>校对出错</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在校对…</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>校对 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2, notes: %3</source>
        <translation>错误 %1，警告 %2，提示 %3</translation>
    </message>
    <message>
        <source>Page: %1 characters</source>
        <translation>本版 %1 字</translation>
    </message>
    <message>
        <source>Block: %1 characters</source>
        <translation>本块 %1 字</translation>
    </message>
    <message>
        <source>Fits its slot</source>
        <translation>容量合适</translation>
    </message>
    <message numerus="yes">
        <source>Overset %n line(s)</source>
        <translation>
            <numerusform>超 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Short %n line(s)</source>
        <translation>
            <numerusform>缺 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>Proofreading mark</source>
        <translation>校对标记</translation>
    </message>
    <message>
        <source>Marked text</source>
        <translation>标记的文字</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Why, e.g. 别字 / 规范表述</source>
        <translation>原因，如：别字 / 规范表述</translation>
    </message>
    <message>
        <source>Note for the editor</source>
        <translation>给编辑的说明</translation>
    </message>
    <message>
        <source>Marks carry this name; change it later in Preferences</source>
        <translation>标记将署此名，以后可在“首选项”中修改</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <source>Label (编者按)</source>
        <translation>标签（编者按）</translation>
    </message>
    <message>
        <source>Text of the note (one paragraph per line):</source>
        <translation>编者按正文（每行一段）：</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message numerus="yes">
        <source>%n line(s) needed, slot holds %1</source>
        <translation>
            <numerusform>需要 %n 行，版位容量 %1 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled issue</source>
        <translation>未命名刊物</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>第%1期</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>通栏</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>刊期</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message numerus="yes">
        <source>over %n line(s)</source>
        <translation>
            <numerusform>超 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>short %n line(s)</source>
        <translation>
            <numerusform>缺 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Move block</source>
        <translation>移动内容块</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <source>Continuation: what page %1 could not hold</source>
        <translation>续版：第%1版排不下的内容</translation>
    </message>
</context>
<context>
    <name>PageForm</name>
    <message>
        <source>Page name (版名)</source>
        <translation>版名</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Rename page</source>
        <translation>修改版名</translation>
    </message>
    <message>
        <source>Change template</source>
        <translation>更换模板</translation>
    </message>
</context>
<context>
    <name>PageLayout</name>
    <message>
        <source>▲ Over %n line(s) (≈ %1 chars)</source>
        <translation>▲ 超 %n 行（约 %1 字）</translation>
    </message>
    <message>
        <source>Short %n line(s) (≈ %1 chars)</source>
        <translation>缺 %n 行（约 %1 字）</translation>
    </message>
    <message>
        <source>▲ About %n line(s) overflow the page, not placed</source>
        <translation>▲ 本版溢出约 %n 行，未能排入</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Page shown in the preview</source>
        <translation>预览中显示的版面</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Zoom: choose or type a percentage</source>
        <translation>缩放：选择或输入百分比</translation>
    </message>
    <message>
        <source>Click a block to edit it, drag it (or its right or bottom edge) to move or resize it on the grid; Ctrl+wheel zooms</source>
        <translation>单击版块即可编辑；拖动版块（或其右边、下边）可在栏格上移动或改变大小；Ctrl+滚轮缩放</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) do not fit on the page (shown on a continuation page)</source>
        <translation>
            <numerusform>%n 块排不下（显示在续版）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) overset</source>
        <translation>
            <numerusform>%n 块超行</numerusform>
        </translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>没有版面</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
</context>
<context>
    <name>PhotoBlockForm</name>
    <message>
        <source>Caption (图片说明)</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>选择图片</translation>
    </message>
</context>
<context>
    <name>PhotoCard</name>
    <message>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Credit, e.g. 王晓 摄</source>
        <translation>摄影署名，如：王晓 摄</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Replace picture</source>
        <translation>替换图片</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除图片</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Not an image</source>
        <translation>不是图片</translation>
    </message>
    <message>
        <source>This file cannot be used as a picture:</source>
        <translation>此文件不能用作图片：</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Add picture</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加图片</translation>
    </message>
</context>
<context>
    <name>PlacementBox</name>
    <message>
        <source>Auto layout</source>
        <translation>自动排版</translation>
    </message>
    <message>
        <source>Let auto layout place this block; untick to fix it where it is</source>
        <translation>由自动排版安排此版块；取消勾选则固定在当前位置</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>起始栏</translation>
    </message>
    <message>
        <source>First column (1 = leftmost)</source>
        <translation>起始栏（1 为最左一栏）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>栏数</translation>
    </message>
    <message>
        <source>Columns the block spans</source>
        <translation>版块所占栏数</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>起始行</translation>
    </message>
    <message>
        <source>First line (1 = top of the text area)</source>
        <translation>起始行（1 为版心顶端）</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Depth of the block in body lines</source>
        <translation>版块高度（正文行数）</translation>
    </message>
    <message>
        <source>Place block</source>
        <translation>设置版块位置</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Proofreading marks carry this name, and who accepted or rejected them</source>
        <translation>校对标记署此名，采纳或驳回时也记录此名</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language applies the next time editor-app starts.</source>
        <translation>界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>Template for new issues</source>
        <translation>新建刊期所用模板</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>自动保存间隔</translation>
    </message>
</context>
<context>
    <name>ProofActions</name>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>没有需要修改之处</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) changed</source>
        <translation>
            <numerusform>已修改 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix 「%1」</source>
        <translation>改正「%1」</translation>
    </message>
    <message>
        <source>Fix all 「%1」</source>
        <translation>全部改正「%1」</translation>
    </message>
    <message numerus="yes">
        <source>Fix all (%n place(s))</source>
        <translation>
            <numerusform>全部改正（共 %n 处）</numerusform>
        </translation>
    </message>
    <message>
        <source>Normalise punctuation</source>
        <translation>规范标点</translation>
    </message>
    <message>
        <source>Ignore in this document</source>
        <translation>在本刊中忽略</translation>
    </message>
    <message>
        <source>Ignore finding</source>
        <translation>忽略校对结果</translation>
    </message>
    <message>
        <source>User dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>「%1」 added to the user dictionary</source>
        <translation>已将「%1」加入用户词典</translation>
    </message>
    <message>
        <source>Rule turned off (turn it on again in Rules and dictionary)</source>
        <translation>已关闭此规则（可在“规则和词典”中重新开启）</translation>
    </message>
    <message>
        <source>Dismiss import note</source>
        <translation>不再提示导入说明</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>结束%1</translation>
    </message>
    <message>
        <source>Close %1? Its text, marks and counts are kept in the project; the next round shows what changes from now on.</source>
        <translation>结束%1？本校次的文字、标记和统计将保存在项目中；下一校次将显示此后的每一处改动（核红）。</translation>
    </message>
    <message>
        <source>%1 closed; %2 under way</source>
        <translation>%1已结束，现为%2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) since %1</source>
        <translation>
            <numerusform>%1后改动 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Close %1…</source>
        <translation>结束%1(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>editor-app was not closed properly. These documents have unsaved changes that were kept in recovery files:</source>
        <translation>编辑助手上次未正常关闭。以下文档的未保存修改已保留在恢复文件中：</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>未命名文档</translation>
    </message>
    <message>
        <source>%1 — kept %2</source>
        <translation>%1 — 保存于 %2</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard all</source>
        <translation>全部丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Discard unsaved work?</source>
        <translation>丢弃未保存的工作？</translation>
    </message>
    <message>
        <source>The unsaved changes in these documents will be lost for good.</source>
        <translation>这些文档中未保存的修改将永久丢失。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules and dictionary</source>
        <translation>规则和词典</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>User dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>House rules</source>
        <translation>本报规则</translation>
    </message>
    <message>
        <source>Untick a rule to switch it off for you; the counts are findings in the open issue.</source>
        <translation>取消勾选即为您关闭该规则；数字为当前刊期中的校对结果数。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>处数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>House</source>
        <translation>本报</translation>
    </message>
    <message>
        <source>Suggests:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <source>Flags, for example:</source>
        <translation>会标出，例如：</translation>
    </message>
    <message>
        <source>Leaves alone:</source>
        <translation>不会标出：</translation>
    </message>
    <message>
        <source>One term per line: names, places and house words the checker should never flag.</source>
        <translation>每行一个词：校对时永不标出的人名、地名和本报用语。</translation>
    </message>
    <message>
        <source>Save dictionary</source>
        <translation>保存词典</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>New rule file…</source>
        <translation>新建规则文件…</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>检查并保存</translation>
    </message>
    <message>
        <source>New rule file</source>
        <translation>新建规则文件</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problem(s) to fix first</source>
        <translation>
            <numerusform>未保存：须先修正 %n 处问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved; every example behaves</source>
        <translation>已保存，所有示例均符合预期</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <source>New article</source>
        <translation>新文章</translation>
    </message>
    <message>
        <source>Add article</source>
        <translation>添加文章</translation>
    </message>
    <message>
        <source>Banner headline</source>
        <translation>通栏标题</translation>
    </message>
    <message>
        <source>Add banner</source>
        <translation>添加通栏标题</translation>
    </message>
    <message>
        <source>Add editor&apos;s note</source>
        <translation>添加编者按</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Add page</source>
        <translation>添加版面</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制一份</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>删除内容块</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>删除版面</translation>
    </message>
    <message>
        <source>An issue keeps at least one page</source>
        <translation>一期刊物至少保留一个版面</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>自动排版</translation>
    </message>
    <message>
        <source>This page is already in auto layout</source>
        <translation>本版已是自动排版</translation>
    </message>
    <message>
        <source>Move block</source>
        <translation>移动内容块</translation>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <source>Select some text in the editor first</source>
        <translation>请先在编辑区选中文字</translation>
    </message>
    <message>
        <source>(no Chinese characters selected)</source>
        <translation>（所选内容中没有汉字）</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>Text or Word</source>
        <translation>文本或 Word 文件</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Normalise punctuation (half-width marks in Chinese text → full-width)</source>
        <translation>规范标点（中文行文中的半角标点改为全角）</translation>
    </message>
    <message>
        <source>Import page</source>
        <translation>导入版面</translation>
    </message>
    <message>
        <source>Import article</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste</source>
        <translation>剪贴板中没有可粘贴的文字</translation>
    </message>
    <message>
        <source>Cannot paste</source>
        <translation>无法粘贴</translation>
    </message>
    <message>
        <source>Paste as article</source>
        <translation>粘贴为文章</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n note(s): check the marked places</source>
        <translation>
            <numerusform>已导入，有 %n 条提示，请核对</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message numerus="yes">
        <source>%n checker error(s) still open</source>
        <translation>
            <numerusform>尚有 %n 处校对错误未处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1: photo 「%2」 has no picture yet</source>
        <translation>第%1版：图片「%2」尚无图片文件</translation>
    </message>
    <message>
        <source>Before exporting</source>
        <translation>导出前请注意</translation>
    </message>
    <message>
        <source>The page has these open points:</source>
        <translation>版面尚有以下问题：</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation>仍要导出吗？</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Exported with warnings</source>
        <translation>导出完成，有提示</translation>
    </message>
    <message>
        <source>Export proof report</source>
        <translation>导出校对单</translation>
    </message>
    <message>
        <source>Proof report written to %1</source>
        <translation>校对单已写入 %1</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a new issue from a page template</source>
        <translation>用版面模板新建一期</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project, or a page in .txt or .docx</source>
        <translation>打开项目，或 .txt、.docx 格式的版面</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the issue to its project file</source>
        <translation>将本期保存到项目文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import page…</source>
        <translation>导入版面(&amp;I)…</translation>
    </message>
    <message>
        <source>Paste as new article</source>
        <translation>粘贴为新文章</translation>
    </message>
    <message>
        <source>&amp;Export DOCX…</source>
        <translation>导出 DOCX(&amp;E)…</translation>
    </message>
    <message>
        <source>Import ar&amp;ticle…</source>
        <translation>导入文章(&amp;T)…</translation>
    </message>
    <message>
        <source>Export proo&amp;f report…</source>
        <translation>导出校对单(&amp;F)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF proof…</source>
        <translation>导出 PDF 校样(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Print proof…</source>
        <translation>打印校样(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>Add an article after the selected block</source>
        <translation>在所选稿件之后添加文章</translation>
    </message>
    <message>
        <source>&amp;Banner headline</source>
        <translation>通栏标题(&amp;B)</translation>
    </message>
    <message>
        <source>Add a banner headline before the selected block</source>
        <translation>在所选稿件之前添加通栏标题</translation>
    </message>
    <message>
        <source>&amp;Editor&apos;s note</source>
        <translation>编者按(&amp;E)</translation>
    </message>
    <message>
        <source>Add an editor&apos;s note (编者按) after the selected block</source>
        <translation>在所选稿件之后添加编者按</translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation>图片(&amp;P)</translation>
    </message>
    <message>
        <source>Add a stand-alone photo with its caption</source>
        <translation>添加单独的图片及图片说明</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Auto &amp;layout</source>
        <translation>自动排版(&amp;L)</translation>
    </message>
    <message>
        <source>Place every block of this page on the grid again, in reading order (blocks moved by hand go back to auto layout)</source>
        <translation>按阅读顺序把本版所有版块重新排到栏格上（手动移动过的版块也交回自动排版）</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About editor-app</source>
        <translation>关于编辑助手(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find words in the block, the page or the whole issue</source>
        <translation>在本稿、本版或全刊中查找</translation>
    </message>
    <message>
        <source>Pa&amp;ge</source>
        <translation>版面(&amp;G)</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>复制一份(&amp;L)</translation>
    </message>
    <message>
        <source>M&amp;ove up</source>
        <translation>上移(&amp;O)</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>替换(&amp;E)…</translation>
    </message>
    <message>
        <source>Find and replace, one match or all of them</source>
        <translation>查找并替换，逐处或全部</translation>
    </message>
    <message>
        <source>In this &amp;block</source>
        <translation>本稿(&amp;B)</translation>
    </message>
    <message>
        <source>On this &amp;page</source>
        <translation>本版(&amp;P)</translation>
    </message>
    <message>
        <source>In the whole &amp;issue</source>
        <translation>全刊(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Close round…</source>
        <translation>结束校次(&amp;C)…</translation>
    </message>
    <message>
        <source>Keep this round&apos;s text, marks and counts; the next round shows what changes from now on (核红)</source>
        <translation>保存本校次的文字、标记和统计；下一校次显示此后的改动（核红）</translation>
    </message>
    <message>
        <source>Rules and &amp;dictionary…</source>
        <translation>规则和词典(&amp;D)…</translation>
    </message>
    <message>
        <source>To &amp;traditional</source>
        <translation>转为繁体(&amp;T)</translation>
    </message>
    <message>
        <source>To &amp;simplified</source>
        <translation>转为简体(&amp;S)</translation>
    </message>
    <message>
        <source>Show &amp;pinyin</source>
        <translation>显示拼音(&amp;P)</translation>
    </message>
    <message>
        <source>Sort names by p&amp;inyin</source>
        <translation>姓名按拼音排序(&amp;I)</translation>
    </message>
    <message>
        <source>Sort names by st&amp;rokes</source>
        <translation>姓名按笔画排序(&amp;R)</translation>
    </message>
    <message>
        <source>Show changes since the last &amp;round</source>
        <translation>显示上一校次后的改动(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>排版(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Proofreading</source>
        <translation>校对(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Normalise punctuation</source>
        <translation>规范标点(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Export PDF proof</source>
        <translation>导出 PDF 校样</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Proof written to %1</source>
        <translation>校样已写入 %1</translation>
    </message>
    <message>
        <source>About editor-app</source>
        <translation>关于编辑助手</translation>
    </message>
    <message>
        <source>editor-app %1: an editorial assistant for Chinese newsrooms.</source>
        <translation>编辑助手 %1：为中文编辑部设计的组版校对工具。</translation>
    </message>
</context>
</TS>
