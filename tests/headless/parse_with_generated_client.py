"""Run by tests/headless/test_generated_client.py in openapi-python-client's interpreter.

    python parse_with_generated_client.py <dir holding the generated package> <responses.json>

Parses each recorded response with the generated client's model for it and prints, as JSON,
what a front end would have to work around: a response that does not parse, a field the
model does not know (`additional_properties`), a page parsed as the wrong page type, and a
StreamField block or block value left as an untyped dict.
"""

import importlib
import json
import sys

import attrs


def problems_in(value, path):
    if attrs.has(type(value)):
        extra = getattr(value, "additional_properties", {})
        if extra:
            yield f"{path}: fields the model does not know: {sorted(extra)}"
        for field in attrs.fields(type(value)):
            if field.name != "additional_properties":
                yield from problems_in(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from problems_in(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        yield f"{path}: an untyped object"


def page_problems(page, path):
    expected = page.type_.split(".")[-1] + "Schema"
    if type(page).__name__ != expected:
        yield f"{path}: parsed as {type(page).__name__}, not {expected}"


def main(package_dir, responses_path):
    sys.path.insert(0, package_dir)
    models = importlib.import_module("pi_client.models")
    problems = []
    parsed = 0
    with open(responses_path) as responses:
        for model_name, url, body in json.load(responses):
            model = getattr(models, model_name)
            try:
                value = model.from_dict(body)
            except Exception as error:  # any failure to parse is what this reports
                problems.append(f"{url}: {model_name} does not parse it: {error!r}")
                continue
            parsed += 1
            problems.extend(problems_in(value, url))
            page = getattr(value, "page", None) if model_name == "RouteSchema" else value
            if hasattr(page, "type_") and hasattr(page, "meta"):
                problems.extend(page_problems(page, url))
    print(json.dumps({"parsed": parsed, "problems": problems}))


if __name__ == "__main__":
    main(*sys.argv[1:])
