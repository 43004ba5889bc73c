from lexi.cli import main

main()
