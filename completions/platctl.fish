complete --keep-order --exclusive --command platctl --arguments "(COMPLETE=fish platctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
