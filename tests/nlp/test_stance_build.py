"""Refitting the stance head on a packaged encoder (`encoder.reuse` in nlp/config.cfg) needs no torch:
the project's finetune and export steps run in the test environment, which has none."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "nlp/scripts"


def run(script, *args):
    return subprocess.run([sys.executable, str(SCRIPTS / script), *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT / "nlp")


def test_finetune_and_export_reuse_a_packaged_encoder_without_torch(tmp_path):
    shutil.copytree(ROOT / "nlp/model", tmp_path / "model")
    config = tmp_path / "config.cfg"
    config.write_text((ROOT / "nlp/config.cfg").read_text())  # reuse = "model", relative to the config
    assert 'reuse = "model"' in config.read_text()
    finetune = run("finetune.py", config, tmp_path / "train.jsonl", tmp_path / "finetuned")
    assert finetune.returncode == 0, finetune.stderr
    assert "no fine-tuning" in finetune.stdout and not (tmp_path / "finetuned").exists()
    export = run("export.py", config, tmp_path / "encoder", "--finetuned", tmp_path / "finetuned")
    assert export.returncode == 0, export.stderr
    for name in ("encoder.onnx", "tokenizer.json"):
        assert (tmp_path / "encoder" / name).read_bytes() == (ROOT / "nlp/model" / name).read_bytes()
    card = json.loads((ROOT / "nlp/model/model.json").read_text())
    provenance = json.loads((tmp_path / "encoder" / "encoder.json").read_text())
    assert provenance["fine_tune"] == card["fine_tune"] and provenance["encoder_source"].startswith("reused from")
