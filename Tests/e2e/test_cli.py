"""The guidegen binary on fixture sites: exit codes, output trees, and a failed build keeping the old output."""
import json
import re
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from conftest import FIXTURES, REPO, run, tree


def test_lint_clean_site_exits_0_and_strict_fails_on_warnings(guidegen, site_copy):
    project = site_copy("basic")
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 0, err
    assert err.strip().splitlines()[-1] == "0 errors, 4 warnings in 8 files"
    code, _, err = run(guidegen, "lint", "--strict", cwd=project)
    assert code == 1
    assert err.strip().splitlines()[-1] == "4 errors, 0 warnings in 8 files"


def test_lint_broken_site_exits_1_with_positioned_findings(guidegen, site_copy):
    project = site_copy("broken")
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 1
    assert "content/guide/keys.zh-Hans.md:2:1: error[unknown-key]: `titel`: unknown key\n" in err
    assert "  help: did you mean `title`?\n" in err


def test_lint_reports_a_broken_template_as_build_does_naming_the_theme_folder(guidegen, site_copy):
    """`build` runs the same checks as `lint`, so lint compiles the site's templates too; the finding names
    the folder --templates gave, not the default one."""
    project = site_copy("basic")
    theme = project / "my-theme"
    theme.mkdir()
    (theme / "page.mustache").write_text("<main>\n{{#page}}{{title}}\n</main>\n")
    expected = "my-theme/page.mustache:2:1: error[template]: template does not parse: section `{{#page}}` is never closed"
    for command in ["lint", "build"]:
        code, _, err = run(guidegen, command, "--templates", "my-theme", cwd=project)
        assert code == 1, (command, err)
        assert expected in err, (command, err)
    # The default folder is checked by lint as well.
    (project / "site-templates" / "page.mustache").write_text("{{#page}}\n")
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 1 and "site-templates/page.mustache:" in err and "error[template]" in err, err


def test_build_names_errors_that_check_and_skip_hide(guidegen, site_copy):
    """Errors block a build whether or not --check/--skip show them, and the refusal says how many it hid."""
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    page.write_text(page.read_text().replace("title: After-sales windows", "titel: After-sales windows"))
    code, _, err = run(guidegen, "build", "--check", "raw-html", cwd=project)
    assert code == 1
    # `titel` is an unknown key (one error: `title` is not also reported missing).
    assert "error: the site was not written: 1 error not shown because of --check/--skip (run without them to see it)" in err, err
    assert "titel" not in err


def test_bad_flags_and_missing_folders_exit_2(guidegen, tmp_path):
    assert run(guidegen, "lint", "--content", str(tmp_path / "nope"))[0] == 2
    assert run(guidegen, "lint", "--no-such-flag")[0] == 2
    assert run(guidegen, "lint", "--check", "claim-contradict")[0] == 2


def test_build_writes_the_tree_and_the_marker(guidegen, site_copy):
    project = site_copy("basic")
    code, _, err = run(guidegen, "build", cwd=project)
    assert code == 0, err
    files = tree(project / "public")
    for path in ["index.html", "404.html", "sitemap.xml", ".guidegen", "theme/style.css",
                 "zh-Hans/index.html", "en/index.html", "en/policies/windows/index.html", "zh-Hans/faq/basics/index.html"]:
        assert path in files, path


def test_site_without_a_theme_folder_builds_with_the_builtin_theme(guidegen, site_copy, tmp_path):
    """A site of content alone builds, from its own folder or from anywhere else, to what the default theme
    folder gives; --templates naming a missing folder is a usage error."""
    project = site_copy("basic")
    assert run(guidegen, "build", cwd=project)[0] == 0
    with_folder = tree(project / "public")
    bare = tmp_path / "bare"
    shutil.copytree(project / "content", bare / "content")
    code, _, err = run(guidegen, "build", cwd=bare)
    assert code == 0, err
    assert tree(bare / "public") == with_folder
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code, _, err = run(guidegen, "build", "--content", str(bare / "content"), "--output", str(elsewhere / "site"), cwd=elsewhere)
    assert code == 0, err
    assert tree(elsewhere / "site") == with_folder
    code, _, err = run(guidegen, "build", "--templates", "no-such-theme", cwd=bare)
    assert code == 2
    assert "templates folder `no-such-theme` does not exist" in err


def test_failed_build_leaves_previous_output_byte_identical(guidegen, site_copy):
    project = site_copy("basic")
    assert run(guidegen, "build", cwd=project)[0] == 0
    before = tree(project / "public")
    page = project / "content" / "policies" / "windows.en.md"
    page.write_text(page.read_text().replace("title: After-sales windows", "titel: After-sales windows"))
    code, _, err = run(guidegen, "build", cwd=project)
    assert code == 1
    assert "the site was not written" in err
    assert tree(project / "public") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".guidegen-")]


def test_refuses_dangerous_output_folders(guidegen, site_copy, tmp_path):
    project = site_copy("basic")
    (project / "notes").mkdir()
    (project / "notes" / "keep.txt").write_text("mine")
    before = tree(project)
    for output in ["content", "content/sub", "site-templates", ".", "/", "notes", os.path.expanduser("~")]:
        code, _, err = run(guidegen, "build", "--output", output, cwd=project)
        assert code == 2, (output, err)
    assert tree(project) == before
    # A CI step reading the machine report learns why nothing was written.
    code, out, err = run(guidegen, "build", "--output", "notes", "--format", "json", cwd=project)
    report = json.loads(out)
    assert code == 2 and [d["check"] for d in report["diagnostics"]] == ["output"] and "not empty" in err, (out, err)
    code, out, _ = run(guidegen, "build", "--output", "notes", "--format", "github", cwd=project)
    assert out.startswith("::error file=notes,line=1,col=1,title=output::"), out


def test_json_and_sarif_formats(guidegen, site_copy):
    project = site_copy("broken")
    code, out, _ = run(guidegen, "lint", "--format", "json", cwd=project)
    assert code == 1
    report = json.loads(out)
    assert report["errors"] == len([d for d in report["diagnostics"] if d["severity"] == "error"])
    code, out, _ = run(guidegen, "lint", "--format", "sarif", cwd=project)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    code, out, _ = run(guidegen, "lint", "--format", "github", cwd=project)
    assert out.startswith("::error file=content/")


def test_version_and_help(guidegen):
    code, out, _ = run(guidegen, "--version")
    assert code == 0 and out.strip() == "0.1.0"
    code, out, _ = run(guidegen, "build", "--help")
    assert code == 0 and "--base-url" in out and "Example" in out


def test_shipped_site_lints_clean_under_strict(guidegen):
    code, _, err = run(guidegen, "lint", "--strict", "--content", str(REPO / "content"))
    assert code == 0, err


def test_faq_pages_carry_valid_faqpage_json_ld(guidegen, site_copy):
    import re
    project = site_copy("basic")
    assert run(guidegen, "build", cwd=project)[0] == 0
    html = (project / "public" / "zh-Hans" / "faq" / "basics" / "index.html").read_text()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == ["售后期过了怎么办？", "谁付退货运费？"]
    assert data["mainEntity"][0]["acceptedAnswer"] == {"@type": "Answer", "text": "联系卖家协商。"}


def test_translations_mark_adds_one_line_and_keeps_bom_and_crlf(guidegen, site_copy):
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    original = page.read_bytes().replace(b"\r\n", b"\n")
    lines = [line for line in original.split(b"\n") if not line.startswith(b"translation_of:")]
    page.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines))
    before = page.read_bytes()
    code, out, err = run(guidegen, "translations", "--mark", "content/policies/windows.en.md", cwd=project)
    assert code == 0, err
    after = page.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\r\n")
    added = [line for line in after.split(b"\r\n") if line not in before.split(b"\r\n")]
    assert len(added) == 1 and added[0].startswith(b"translation_of: "), added
    assert after.replace(added[0] + b"\r\n", b"") == before
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_a_missing_or_wrong_folder_says_why_without_the_usage_text(guidegen, site_copy, tmp_path):
    project = site_copy("basic")
    code, _, err = run(guidegen, "lint", "--content", "content/guidegen.yaml", cwd=project)
    assert code == 2
    assert err == "error: content folder `content/guidegen.yaml` is a file, not a folder; pass the folder that holds guidegen.yaml\n"
    code, _, err = run(guidegen, "build", "--content", str(tmp_path / "nope"))
    assert code == 2 and "does not exist" in err and "Usage:" not in err
    # A folder named guidegen.yaml is not a missing configuration.
    (project / "content" / "guidegen.yaml").unlink()
    (project / "content" / "guidegen.yaml").mkdir()
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 2 and err == "error: `content/guidegen.yaml` is a folder; the site's configuration is a file of that name\n", err


def test_sarif_uris_are_encoded_and_github_annotations_keep_notes(guidegen, site_copy):
    """SARIF `uri` is a URI reference (spaces and CJK percent-encoded; absolute paths as file:// URIs), and a
    GitHub annotation carries the rule table line a claim contradicts, as the other formats do."""
    from urllib.parse import unquote
    project = site_copy("broken")
    section = project / "content" / "退货 说明"
    section.mkdir()
    for lang in ["zh-Hans", "en"]:
        (section / f"p.{lang}.md").write_text("---\ntitle: P\ntype: articel\n---\nText.\n", encoding="utf-8")
    code, out, _ = run(guidegen, "lint", "--format", "sarif", cwd=project)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in json.loads(out)["runs"][0]["results"]]
    encoded = [u for u in uris if "%E9%80%80" in u["uri"]]
    assert encoded and all(" " not in u["uri"] and u["uriBaseId"] == "SRCROOT" for u in uris)
    assert unquote(encoded[0]["uri"]).startswith("content/退货 说明/p.")
    code, out, _ = run(guidegen, "lint", "--format", "sarif", "--content", str(project / "content"), cwd=project)
    first = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert first["uri"].startswith("file:///") and "uriBaseId" not in first
    claims = site_copy("claims-defects")
    code, out, _ = run(guidegen, "lint", "--format", "github", cwd=claims)
    found = [line for line in out.splitlines() if "title=claim-contradicts-rule" in line]
    # A note names its line and column, as the text format does.
    assert found and all(re.search(r"%0Anote: content/rules/[^:%]+:\d+:\d+: ", line) for line in found), found[:1]


def test_base_url_flag_is_checked_as_base_url_in_guidegen_yaml_is(guidegen, site_copy):
    """`--base-url example.org` made every canonical and sitemap URL relative garbage, with exit 0."""
    project = site_copy("basic")
    for bad in ["example.org", "ftp://example.org/", "https://example.org/a b/", "javascript:alert(1)//", "https:///x"]:
        code, _, err = run(guidegen, "build", "--base-url", bad, "--output", "out", cwd=project)
        assert code == 2, (bad, err)
        assert f"--base-url `{bad}`" in err, err
        assert not (project / "out").exists()
    code, _, err = run(guidegen, "build", "--base-url", "https://example.org/guide", "--output", "out", cwd=project)
    assert code == 0, err
    assert '<link rel="canonical" href="https://example.org/guide/' in (project / "out" / "en" / "index.html").read_text()
    (project / "content" / "guidegen.yaml").write_text(
        (project / "content" / "guidegen.yaml").read_text() + "base_url: https://example.org/a b/\n")
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 1 and "error[config]: `base_url` may not hold spaces" in err, err


def test_translations_on_a_missing_folder_or_broken_config_cannot_run(guidegen, site_copy, tmp_path):
    code, out, err = run(guidegen, "translations", "--content", str(tmp_path / "nope"))
    assert code == 2 and "does not exist" in err and out == ""
    project = site_copy("basic")
    (project / "content" / "guidegen.yaml").write_text("title: [\n")
    code, out, err = run(guidegen, "translations", cwd=project)
    assert code == 2 and "guidegen.yaml:" in err and "fix guidegen.yaml first" in err and out == "", err
    # Named from the working directory with the source line, as `lint` names it.
    assert err.startswith("content/guidegen.yaml:1:"), err
    assert "\n 1 | title: [\n" in err, err


def test_translations_leave_out_a_page_that_cannot_be_read(guidegen, site_copy):
    """One page saved as Latin-1 blocked the whole table (exit 2, "fix guidegen.yaml first")."""
    project = site_copy("basic")
    (project / "content" / "policies" / "latin1.en.md").write_bytes(b"---\ntitle: x\xff\ntype: article\n---\n")
    code, out, err = run(guidegen, "translations", cwd=project)
    assert code == 0, err
    assert "policies/windows" in out and "latin1" not in out
    assert "1 file could not be read" in err and "policies/latin1.en.md" in err and "guidegen.yaml" not in err
    code, out, err = run(guidegen, "translations", "--mark", "content/policies/windows.en.md", cwd=project)
    assert code == 0, err


def test_translations_mark_refuses_an_original_and_names_a_wrong_path_without_usage_text(guidegen, site_copy):
    project = site_copy("basic")
    code, _, err = run(guidegen, "translations", "--mark", "content/policies/windows.zh-Hans.md", cwd=project)
    assert code == 1 and "not marked: it is in the default language" in err and "Usage" not in err, err
    code, _, err = run(guidegen, "translations", "--mark", "content/policies/nothere.en.md", cwd=project)
    assert code == 2 and err == "error: `content/policies/nothere.en.md` is not a page of the content folder `content`\n", err


def test_translations_mark_writes_through_a_link_and_keeps_the_mode(guidegen, site_copy):
    project = site_copy("basic")
    folder = project / "content" / "policies"
    page = folder / "windows.en.md"
    page.chmod(0o600)
    code, _, err = run(guidegen, "translations", "--mark", "content/policies/windows.en.md", cwd=project)
    assert code == 0, err
    assert page.stat().st_mode & 0o777 == 0o600
    # A link inside content/ stays a link, and the file it names is the one marked.
    target = folder / "windows-source.en.md.txt"
    page.rename(target)
    page.symlink_to(target.name)
    lines = [l for l in target.read_text().split("\n") if not l.startswith("translation_of:")]
    target.write_text("\n".join(lines))
    code, _, err = run(guidegen, "translations", "--mark", "content/policies/windows.en.md", cwd=project)
    assert code == 0, err
    assert page.is_symlink() and "translation_of:" in target.read_text()


def test_translations_mark_leaves_front_matter_it_cannot_edit_alone(guidegen, site_copy):
    """A flow mapping (`{title: …}`) took a block line after it and no longer parsed; a file whose front
    matter is broken was marked anyway."""
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    body = page.read_text().split("---", 2)[2]
    page.write_text("---\n{title: Windows, type: policy}\n---" + body)
    before = page.read_bytes()
    code, out, err = run(guidegen, "translations", "--mark", "content/policies/windows.en.md", cwd=project)
    assert code == 1 and "cannot be edited line by line; add `translation_of: " in err, err
    assert page.read_bytes() == before
    page.write_text("---\ntitle: [unclosed\ntype: policy\n---" + body)
    before = page.read_bytes()
    code, out, err = run(guidegen, "translations", "--mark", "content/policies/windows.en.md", cwd=project)
    assert code == 1 and "its front matter has errors" in err, err
    assert page.read_bytes() == before


def test_a_symlink_back_to_an_enclosing_folder_is_skipped_once(guidegen, site_copy):
    """`returns/loop → ../returns` was followed 40 levels deep, publishing the section again at each."""
    project = site_copy("basic")
    section = next(p for p in (project / "content").iterdir() if p.is_dir() and p.name not in ("rules", "assets"))
    os.symlink("../" + section.name, section / "loop")
    code, _, err = run(guidegen, "build", "--output", "out", cwd=project)
    assert code == 0, err
    assert f"content/{section.name}/loop:1:1: warning[unsafe-path]: symbolic link leads back to a folder it is in" in err, err
    assert not any("loop" in str(p) for p in (project / "out").rglob("*"))


def test_a_page_and_a_folder_with_one_url_are_an_error(guidegen, site_copy):
    """`returns.en.md` beside the folder `returns/`: both were written to en/returns/index.html, one lost."""
    project = site_copy("basic")
    section = next(p for p in (project / "content").iterdir() if p.is_dir() and p.name not in ("rules", "assets"))
    for lang in ["zh-Hans", "en"]:
        (project / "content" / f"{section.name}.{lang}.md").write_text("---\ntitle: Root\ntype: article\n---\n\nText.\n")
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 1
    assert (f"content/{section.name}.en.md:1:1: error[duplicate-page]: this page and the folder `{section.name}/` "
            f"would both be written to `en/{section.name}/index.html`") in err, err


def test_lint_says_how_many_errors_check_and_skip_hid(guidegen, site_copy):
    """`lint --check raw-html` on a site with other errors exits 0 (it reports one check), but says what it hid."""
    project = site_copy("broken")
    code, _, err = run(guidegen, "lint", "--check", "raw-html", cwd=project)
    assert "errors not shown because of --check/--skip (run without them to see them)" in err, err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="runs guidegen as another user, which needs root")
def test_unreadable_folders_and_files_are_errors_that_say_why(guidegen):
    """Permissions do not stop root, so guidegen runs as `nobody` on a site it may not wholly read: the
    folder and the file it cannot read are errors at their paths, with the system's reason, and the rest
    of the site is still checked."""
    project = pathlib.Path(tempfile.mkdtemp(prefix="guidegen-unreadable-"))
    try:
        shutil.copytree(FIXTURES / "basic" / "content", project / "content")
        shutil.copytree(REPO / "site-templates", project / "site-templates")
        for path in [project, *project.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        os.chmod(project / "content" / "faq", 0)
        os.chmod(project / "content" / "policies" / "windows.en.md", 0)
        proc = subprocess.run(
            [guidegen, "lint"], cwd=project, capture_output=True, text=True, timeout=120, user=65534, group=65534,
            env=dict(os.environ, NO_COLOR="1"))
        assert proc.returncode == 1, proc.stderr
        assert "content/faq:1:1: error[unreadable-file]: cannot read the folder: Permission denied\n" in proc.stderr
        assert "content/policies/windows.en.md:1:1: error[unreadable-file]: cannot read the file: Permission denied\n" in proc.stderr
        # A link into the folder says why its page is missing.
        assert ("content/policies/windows.zh-Hans.md:23:6: error[broken-link]: link to `../faq/basics.md`, a page left out "
                "because the folder `faq` has errors\n") in proc.stderr
        assert "  help: fix the errors reported for `faq`; the link works again once the page builds\n" in proc.stderr
        # The rest is still read and checked: the summary counts the files that could be read.
        assert proc.stderr.strip().splitlines()[-1].endswith(" in 5 files"), proc.stderr
        # An unreadable content folder means guidegen cannot run at all: exit 2, as for bad flags.
        os.chmod(project / "content", 0)
        proc = subprocess.run(
            [guidegen, "lint"], cwd=project, capture_output=True, text=True, timeout=120, user=65534, group=65534,
            env=dict(os.environ, NO_COLOR="1"))
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr == "error: content folder `content` cannot be read (Permission denied); check its permissions\n"
    finally:
        for path in [project, *project.rglob("*")]:
            if path.is_dir():
                os.chmod(path, 0o755)
        shutil.rmtree(project)
