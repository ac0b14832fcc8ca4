import BilanCommands

Bilan.run()
