import CNcurses
import BilanTUI
