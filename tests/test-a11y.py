#!/usr/bin/env python3
"""Drives the running app through AT-SPI, as a screen reader user would:
finds the timeline and moves it, picks an entity from the entity list,
and reads the story panel. Run under Xvfb and a D-Bus session.

usage: test-a11y.py ENTENTE_BINARY LANGUAGE"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

binary, language = sys.argv[1], sys.argv[2]

# dogtail refuses to run unless the desktop's accessibility switch is on.
from gi.repository import Gio  # noqa: E402

Gio.Settings.new("org.gnome.desktop.interface").set_boolean("toolkit-accessibility", True)

from dogtail import config  # noqa: E402

config.config.logDebugToFile = False
config.config.logDebugToStdOut = False
config.config.searchCutoffCount = 40
config.config.defaultDelay = 0.1

from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

WORDS = {
    "en": {"timeline": "Timeline", "entities": "Entities", "details": "Details", "graph": "Relationship graph",
           "altman": "Sam Altman, Person", "role": "Person · Investor, co-founder of OpenAI",
           "shown": "entities shown", "selected": "Sam Altman selected",
           "event": "Microsoft and OpenAI announce a multiyear"},
    "fr": {"timeline": "Frise chronologique", "entities": "Entités", "details": "Détails", "graph": "Graphe des relations",
           "altman": "Sam Altman, Personne", "role": "Personne · Investisseur, cofondateur d'OpenAI",
           "shown": "entités affichées", "selected": "Sam Altman sélectionné",
           "event": "Microsoft et OpenAI annoncent un investissement"},
}[language]

passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok {passed + failed} - [{language}] {name}")
    else:
        failed += 1
        print(f"not ok {passed + failed} - [{language}] {name} {detail}")


def wait_for(condition, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.2)
    return None


def julian(iso):
    return datetime.date.fromisoformat(iso).toordinal()


# A private data folder: no arrangement saved by an earlier run is restored.
data_home = tempfile.mkdtemp(prefix="entente-a11y-")
env = dict(os.environ, LANGUAGE=language, XDG_DATA_HOME=data_home)
env.pop("GTK_A11Y", None)
app_process = subprocess.Popen([binary], env=env)
try:
    app = wait_for(lambda: next(a for a in tree.root.applications() if a.name == "entente"), 20)
    check("the app is on the accessibility bus", app is not None)
    if app is None:
        raise SystemExit

    frame = wait_for(lambda: app.child(roleName="frame", retry=False))
    graph = wait_for(lambda: frame.child(name=WORDS["graph"], retry=False))
    check("the graph has an accessible name", graph is not None)
    before = graph.description if graph else ""
    check("the graph describes what it shows", WORDS["shown"] in before, repr(before))

    # The day's event is read out whole, though the line shows it cut short.
    event = wait_for(lambda: next(n for n in frame.findChildren(GenericPredicate(roleName="label"))
                                  if n.name.startswith(WORDS["event"])))
    check("the event's description is readable in full", event is not None and len(event.name) > 200,
          repr(event.name if event else None))

    slider = wait_for(lambda: frame.child(name=WORDS["timeline"], roleName="slider", retry=False))
    check("the timeline is a named slider", slider is not None)
    if slider is not None:
        slider.value = julian("2016-01-01")
        moved = wait_for(lambda: graph.description != before and graph.description)
        check("moving the timeline changes what the graph shows", moved is not None, repr(graph.description))
        count_before = int(before.split()[0])
        count_after = int(graph.description.split()[0]) if moved else count_before
        check("fewer entities in 2016 than in 2023", count_after < count_before, f"{count_after} vs {count_before}")

        # Right and Left go from event to event. Focus comes from a real
        # click (GTK 4.8 has no AT-SPI grabFocus); the event dates come from
        # the story file, independently of Entente's code.
        from dogtail import rawinput
        story_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                                  "microsoft-openai.entente.json")
        with open(story_path, encoding="utf-8") as f:
            event_days = sorted({julian((e["date"] + "-01-01")[:10]) for e in json.load(f)["events"]})
        x, y = slider.position
        width, height = slider.size
        rawinput.click(x + width // 2, y + height // 2)
        time.sleep(0.5)
        start = int(slider.value)
        expected_next = next(d for d in event_days if d > start)
        rawinput.pressKey("Right")
        stepped = wait_for(lambda: int(slider.value) == expected_next)
        check("Right moves the timeline to the next event", stepped is not None, f"{slider.value} != {expected_next}")
        expected_previous = max(d for d in event_days if d < int(slider.value))
        rawinput.pressKey("Left")
        back = wait_for(lambda: int(slider.value) == expected_previous)
        check("Left moves it to the previous event", back is not None, f"{slider.value} != {expected_previous}")

    tab = frame.child(name=WORDS["entities"], roleName="page tab", retry=False)
    tab.doActionNamed("click")
    altman = wait_for(lambda: frame.child(name=WORDS["altman"], roleName="push button", retry=False))
    check("the entity list offers Sam Altman", altman is not None)
    if altman is not None:
        check("list entries describe their relations", "OpenAI" in altman.description, repr(altman.description))
        altman.doActionNamed("click")
        selected = wait_for(lambda: WORDS["selected"] in graph.description)
        check("choosing in the list selects in the graph", selected is not None, repr(graph.description))

    frame.child(name=WORDS["details"], roleName="page tab", retry=False).doActionNamed("click")
    role = wait_for(lambda: frame.findChild(GenericPredicate(name=WORDS["role"], roleName="label"), retry=False))
    check("the panel reads the entity's kind and role", role is not None)

    # A story file opened from outside (a double-click in the file manager
    # runs "entente FILE") gets a second window in the same process.
    story = os.path.join(data_home, "second.entente.json")
    with open(story, "w", encoding="utf-8") as f:
        f.write(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                                  "microsoft-openai.entente.json"), encoding="utf-8").read())
    subprocess.run([binary, story], env=env, timeout=30, check=False)
    two = wait_for(lambda: len([c for c in app.children if c.roleName == "frame"]) == 2)
    check("a second story file opens a second window", two is not None)
    # The launcher that handed the file over has exited, but the registry
    # may list it until it has seen it go: wait for that, not for a window.
    one = wait_for(lambda: len([a for a in tree.root.applications() if a.name == "entente"]) == 1)
    check("…in the same process", one is not None,
          [a.name for a in tree.root.applications()])
except BaseException as error:  # report, then let it end the test
    import traceback
    traceback.print_exc()
    check("no exception in the test script", False, repr(error))
finally:
    app_process.terminate()
    app_process.wait(timeout=10)
    shutil.rmtree(data_home, ignore_errors=True)

print(f"1..{passed + failed}")
sys.exit(1 if failed else 0)
