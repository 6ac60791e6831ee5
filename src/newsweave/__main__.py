from newsweave.cli import app

app(prog_name="newsweave")
