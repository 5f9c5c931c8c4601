# lit configuration for ladder's tests.
import os
import shutil

import lit.formats

config.name = "ladder"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".i", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in", "README.md"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(os.path.dirname(config.ladder_bin), "..", "test")

config.substitutions.append(("%ladder", config.ladder_bin))
config.substitutions.append(("%builddir", os.path.dirname(os.path.dirname(config.ladder_bin))))
config.substitutions.append(("%rules", os.path.join(config.ladder_src, "rules")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%expect-exit", "%s %s" % (
    config.python, os.path.join(config.test_source_root, "Inputs", "expect_exit.py"))))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%examples", os.path.join(config.ladder_src, "examples")))
# The flags a kernel .i file for arm64 needs to parse on its own.
config.substitutions.append(("%arm64", "--target=aarch64-linux-gnu -std=gnu11 "
                             "-fshort-wchar -funsigned-char -fno-strict-aliasing"))
# FileCheck, count, not, split-file: LLVM's test tools, beside FileCheck.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), os.environ.get("PATH", "")])

# The README's commands run in a fresh clone of this checkout, under dash.
config.substitutions.append(("%src", config.ladder_src))
if os.path.isdir(os.path.join(config.ladder_src, ".git")) and shutil.which("git"):
    config.available_features.add("git-clone")
if os.path.exists("/bin/dash"):
    config.available_features.add("dash")

# Coccinelle: the checked-in scripts, and spatch when it is installed.
# --timeout keeps one slow match from hanging the suite.
config.substitutions.append(("%cocci", os.path.join(config.ladder_src, "cocci")))
if config.spatch and os.path.exists(config.spatch):
    config.available_features.add("spatch")
    config.substitutions.append(("%spatch", "%s --very-quiet --timeout 120" % config.spatch))

# libFuzzer harnesses exist in a build configured with -DLADDER_FUZZ=ON.
if config.fuzz in ("ON", "1", "TRUE", "YES"):
    config.available_features.add("fuzz")
    config.substitutions.append(("%fuzzbin", os.path.dirname(config.ladder_bin)))
    config.substitutions.append(("%fuzzcorpus", os.path.join(config.ladder_src, "fuzz", "corpus")))

# Tests that read ../shared (the real kernel corpus) run only where it is.
shared = os.path.abspath(os.path.join(config.ladder_src, "..", "shared"))
if os.path.isdir(os.path.join(shared, "corpus")):
    config.available_features.add("shared-corpus")
    config.substitutions.append(("%shared", shared))

# Sanitizer builds report through the environment.
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
if os.environ.get("LADDER_SANITIZED"):
    config.available_features.add("sanitized")
    config.substitutions.append(("%corpus_every", "8"))
else:
    config.substitutions.append(("%corpus_every", "1"))
# The corpus test runs its own workers.
config.parallelism_group = None
