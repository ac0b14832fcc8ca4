import BilanCommands
import BilanWeb

// bilan's web half: the same commands, with the HTML parser and the HTTP client installed.
WebHooks.installed = WebHooks(
    extractPage: { try PageExtractor.extractText($0, source: $1) },
    fetch: { job, store, cancel, progress in
        try Fetcher(transport: URLSessionTransport()).run(job, store: store, cancel: cancel, progress: progress)
    })
BilanWebTool.main()
