import BilanCommands

Bilan.main()
