"""`guidegen schema` checked against the shipped content by an independent validator (jsonschema)."""
import json
import pathlib

import jsonschema
import yaml

from conftest import REPO, run


class NoDatesLoader(yaml.SafeLoader):
    """YAML 1.1 turns 2026-11-15 into a date; front matter keeps it as text, as guidegen does."""


NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    end = text.index("\n---", 4)
    return yaml.load(text[4:end], Loader=NoDatesLoader) or {}


def test_schema_validates_every_shipped_page(guidegen):
    code, out, err = run(guidegen, "schema", "--content", str(REPO / "content"))
    assert code == 0, err
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    pages = sorted(p for p in (REPO / "content").rglob("*.md"))
    assert len(pages) >= 4
    for page in pages:
        errors = [e.message for e in validator.iter_errors(front_matter(page))]
        assert errors == [], f"{page}: {errors}"


def test_schema_rejects_what_guidegen_rejects(guidegen):
    _, out, _ = run(guidegen, "schema", "--content", str(REPO / "content"))
    validator = jsonschema.Draft202012Validator(json.loads(out))
    assert not validator.is_valid({"titel": "x", "type": "policy"})
    assert not validator.is_valid({"title": "x", "type": "polcy"})
    assert not validator.is_valid({"title": "x", "type": "faq", "reviewed": "2026-13-01"})
    assert not validator.is_valid({"title": "x", "type": "faq", "platforms": ["nowhere"]})
    assert validator.is_valid({"title": "x", "type": "faq", "reviewed": "2026-11-15", "order": 2})
    # Lint's cheap checks are constraints too, so an editor flags what CI refuses.
    assert not validator.is_valid({"title": "   ", "type": "faq"})
    assert not validator.is_valid({"title": "x", "type": "faq", "tags": [""]})
    assert not validator.is_valid({"title": "x", "type": "faq", "sources": [{"title": "t", "url": "javascript:alert(1)"}]})
    assert not validator.is_valid({"title": "x", "type": "faq", "sources": [{"title": {}, "url": "https://a.example/"}]})
    assert validator.is_valid({"title": "x", "type": "faq", "sources": [{"title": {"en": "t"}, "url": "HTTPS://a.example/"}]})


def test_lint_refuses_a_yes_or_no_translation_hash_as_the_schema_does(guidegen, site_copy):
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    text = page.read_text()
    lines = [l for l in text.split("\n") if not l.startswith("translation_of:")]
    lines.insert(1, "translation_of: true")
    page.write_text("\n".join(lines))
    code, out, err = run(guidegen, "lint", cwd=project)
    assert code == 1 and "error[wrong-type]: `translation_of` must be the original's hash, not `true`" in out + err, out + err


def test_schema_of_a_missing_or_broken_content_folder_exits_2(guidegen, tmp_path):
    """Without a readable configuration the schema would list no platforms and refuse every one."""
    code, out, err = run(guidegen, "schema", "--content", str(tmp_path / "nowhere"))
    assert code == 2 and out == "" and "does not exist" in err, err
    (tmp_path / "empty").mkdir()
    code, out, err = run(guidegen, "schema", "--content", str(tmp_path / "empty"))
    assert code == 2 and out == "" and "guidegen.yaml is missing" in err, err
    code, out, _ = run(guidegen, "schema", "--content", str(REPO / "content"))
    assert code == 0 and "taobao" in json.loads(out)["properties"]["platforms"]["items"]["enum"]


def test_schema_in_a_project_reads_its_content_folder(guidegen, site_copy, tmp_path):
    """`guidegen schema > front-matter.schema.json` in a project lists its platforms, as --content does."""
    project = site_copy("basic")
    code, out, err = run(guidegen, "schema", cwd=project)
    assert code == 0, err
    explicit = run(guidegen, "schema", "--content", str(project / "content"))[1]
    assert out == explicit and "enum" in json.loads(out)["properties"]["platforms"]["items"]
    code, out, _ = run(guidegen, "schema", cwd=tmp_path)
    assert code == 0 and "enum" not in json.loads(out)["properties"]["platforms"]["items"]
