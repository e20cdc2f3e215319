#!/usr/bin/env python
"""Run every benchmark script in bench/ in turn; each prints its own figures."""

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
failed = []
for script in sorted(here.glob("*.py")):
    if script.name == Path(__file__).name or script.name.startswith("_"):
        continue
    print(f"\n## {script.name}", flush=True)
    if subprocess.run([sys.executable, str(script)], cwd=here.parent).returncode != 0:
        failed.append(script.name)
sys.exit(f"failed: {', '.join(failed)}" if failed else 0)
