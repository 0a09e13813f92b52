"""The words of the demo initiatives: titles per sector, techniques, benefits and the verbs of a stage.

Apart from the code that draws initiatives (:mod:`.initiatives`) because
this is text to read and extend, not logic: every title names the technique
it is listed with, so that a title always fits its sector and technique.
"""

from __future__ import annotations

# The same techniques as they read inside a sentence.
TECHNIQUE_IN_TEXT = {
    "sprak_genai": "generativ AI",
    "bildanalys": "bildanalys",
    "prediktion": "prognosmodeller",
    "taligenkanning": "taligenkänning",
    "chattbot": "en chattbot",
    "optimering": "optimeringsverktyg",
    "processautomation": "automatisering",
    "ovrigt": "maskininlärning",
}
TECHNIQUE_WEIGHT = {
    "sprak_genai": 0.25,
    "bildanalys": 0.08,
    "prediktion": 0.12,
    "taligenkanning": 0.08,
    "chattbot": 0.15,
    "optimering": 0.10,
    "processautomation": 0.15,
    "ovrigt": 0.07,
}
# Initiative titles per sector, each with the technique it names, so that a
# title always fits its sector and its technique. The technique weights
# above pick among a sector's titles (summed over its titles of a technique).
SECTOR_TITLES = {
    "vard_omsorg": (
        ("taligenkanning", "Taligenkänning för dokumentation i hemtjänsten"),
        ("taligenkanning", "Automatisk transkribering av anteckningar i omsorgen"),
        ("prediktion", "Prognosmodell för fallrisk i särskilt boende"),
        ("prediktion", "Prediktiv analys av behovet av hemtjänstinsatser"),
        ("optimering", "AI-stödd ruttplanering i hemtjänsten"),
        ("optimering", "Optimering av bemanningen i äldreomsorgen"),
        ("sprak_genai", "AI-assistent för sammanfattning av genomförandeplaner"),
        ("processautomation", "Automatiserad hantering av avgiftsbeslut i äldreomsorgen"),
    ),
    "socialtjanst": (
        ("processautomation", "Automatiserad handläggning av ekonomiskt bistånd"),
        ("processautomation", "Automatisering av ansökningar om försörjningsstöd"),
        ("sprak_genai", "AI-assistent för journalföring i socialtjänsten"),
        ("sprak_genai", "Språkmodell för sammanfattning av utredningar"),
        ("taligenkanning", "Automatisk transkribering av samtal i socialtjänsten"),
        ("prediktion", "Prognosmodell för behovet av försörjningsstöd"),
        ("chattbot", "Chattbot för frågor om ekonomiskt bistånd"),
    ),
    "utbildning": (
        ("sprak_genai", "AI-assistent för lärares planering"),
        ("sprak_genai", "Generativ AI som stöd i undervisningen"),
        ("sprak_genai", "Språkmodell för återkoppling på elevtexter"),
        ("optimering", "Optimering av skolskjutsar"),
        ("optimering", "AI-stödd schemaläggning i skolan"),
        ("prediktion", "Prognosmodell för elevantal och skolplacering"),
        ("prediktion", "Prediktiv analys av elevers frånvaro"),
        ("taligenkanning", "Taligenkänning som stöd för elever med läs- och skrivsvårigheter"),
        ("chattbot", "Chattbot för frågor om skolval"),
    ),
    "samhallsbyggnad": (
        ("bildanalys", "Bildanalys av flygfoton för kartuppdatering"),
        ("bildanalys", "Bildigenkänning för granskning av bygglovsritningar"),
        ("chattbot", "Chattbot för bygglovsfrågor"),
        ("sprak_genai", "AI-assistent i detaljplanearbetet"),
        ("processautomation", "Automatiserad registrering av bygglovsansökningar"),
        ("prediktion", "Prognosmodell för bostadsbyggandet"),
    ),
    "kollektivtrafik": (
        ("bildanalys", "Bildanalys av skador på gator och vägar"),
        ("bildanalys", "Bildigenkänning för inventering av vägmärken"),
        ("optimering", "Optimering av snöröjningens rutter"),
        ("optimering", "AI-stödd planering av gatuunderhållet"),
        ("prediktion", "Prognosmodell för trafikflöden"),
        ("prediktion", "Prediktiv analys av underhållsbehov på gatorna"),
    ),
    "miljo": (
        ("prediktion", "Prognosmodell för vattenläckor i ledningsnätet"),
        ("prediktion", "Prediktiv analys av energianvändningen i kommunens fastigheter"),
        ("bildanalys", "Bildanalys för sortering av avfall"),
        ("bildanalys", "Bildanalys av satellitbilder i miljötillsynen"),
        ("optimering", "Optimering av avfallshämtningens rutter"),
        ("optimering", "AI-stödd styrning av ventilation i kommunens lokaler"),
        ("sprak_genai", "AI-assistent för rapporter i miljötillsynen"),
    ),
    "kultur_fritid": (
        ("chattbot", "Chattbot för bibliotekets tjänster"),
        ("chattbot", "Digital assistent för bokning av lokaler och anläggningar"),
        ("sprak_genai", "Generativ AI för evenemangsinformation"),
        ("prediktion", "Prognosmodell för besök i idrottsanläggningar"),
        ("processautomation", "Automatiserad handläggning av föreningsbidrag"),
        ("ovrigt", "Maskininlärning för boktips i bibliotekskatalogen"),
    ),
    "medborgarservice": (
        ("chattbot", "Chattbot i kontaktcenter"),
        ("chattbot", "Digital assistent på kommunens webbplats"),
        ("sprak_genai", "AI-assistent för svar på invånarnas frågor"),
        ("sprak_genai", "Språkmodell för klarspråk i e-tjänster"),
        ("taligenkanning", "Taligenkänning i kommunens växel"),
        ("processautomation", "Automatiserad sortering av felanmälningar"),
    ),
    "administration": (
        ("processautomation", "Automatiserad fakturahantering"),
        ("processautomation", "Automatisering av diarieföringen"),
        ("sprak_genai", "AI-assistent för protokollskrivning"),
        ("sprak_genai", "Generativ AI som stöd i IT-supporten"),
        ("taligenkanning", "Automatisk transkribering av nämndsammanträden"),
        ("prediktion", "Prediktiv analys av budgetutfallet"),
        ("chattbot", "Chattbot för medarbetarnas IT-frågor"),
        ("ovrigt", "Maskininlärning för klassificering av inkommande handlingar"),
    ),
}
# Civil-society organisations' initiatives are of their own kind.
CIVIL_TITLES = {
    "vard_omsorg": (
        ("sprak_genai", "AI-assistent för planering av besöksverksamheten"),
        ("taligenkanning", "Taligenkänning för anteckningar i besöksverksamheten"),
    ),
    "socialtjanst": (
        ("chattbot", "Chattbot för stödlinjen"),
        ("sprak_genai", "Språkmodell för översättning i stödverksamheten"),
    ),
    "utbildning": (
        ("sprak_genai", "AI-assistent för läxhjälp"),
        ("sprak_genai", "Generativ AI i studiecirklar"),
        ("taligenkanning", "Taligenkänning i språkcaféer"),
    ),
    "samhallsbyggnad": (
        ("bildanalys", "Bildanalys av gamla fotografier för bygdens kartor"),
        ("sprak_genai", "AI-assistent för remissvar"),
    ),
    "kollektivtrafik": (
        ("optimering", "Optimering av samåkning till föreningens aktiviteter"),
    ),
    "miljo": (
        ("bildanalys", "Bildanalys för inventering av arter"),
        ("bildanalys", "Bildigenkänning av fåglar i naturområden"),
    ),
    "kultur_fritid": (
        ("optimering", "AI-stödd planering av träningstider"),
        ("sprak_genai", "Generativ AI för programblad och affischer"),
        ("bildanalys", "Bildanalys för arkivering av föreningens fotografier"),
    ),
    "medborgarservice": (
        ("chattbot", "Chattbot för medlemmarnas frågor"),
        ("sprak_genai", "AI-assistent för utskick till medlemmarna"),
    ),
    "administration": (
        ("sprak_genai", "Generativ AI för bidragsansökningar"),
        ("taligenkanning", "Automatisk transkribering av föreningsmöten"),
        ("processautomation", "Automatiserad medlemsregistrering"),
    ),
}
BENEFIT_WEIGHT = {
    "tid": 0.38,
    "kvalitet": 0.25,
    "kostnad": 0.12,
    "tillganglighet": 0.15,
    "hallbarhet": 0.06,
    "ovrigt": 0.04,
}
BENEFIT_GOAL = {
    "tid": "spara tid",
    "kvalitet": "höja kvaliteten",
    "kostnad": "minska kostnaderna",
    "tillganglighet": "göra tjänsterna mer tillgängliga",
    "hallbarhet": "minska klimatpåverkan",
    "ovrigt": "pröva nya arbetssätt",
}
STAGE_VERB = {1: "planerar att använda", 2: "testar", 3: "använder", 4: "använder i full skala"}
