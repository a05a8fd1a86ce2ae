"""Quotes with speakers: every direct quotation, who said it (canonical name), the stated role and the cue."""

import pytest

from mip_archive.nlp import Enricher
from mip_archive.nlp.quotes import find_quotes


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def quotes_of(enricher, text):
    """The quotes found, without offsets (checked separately)."""
    found = enricher.enrich_text(text).to_json()["quotes"]
    return [{k: v for k, v in q.items() if k not in ("start", "end")} for q in found]


def quote(text, speaker, label, cue, role=None):
    return {"text": text, "speaker": speaker, "speaker_label": label, "role": role, "cue": cue}


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Union condemns cuts\n\nMiP chief executive Jane Holloway said: 'These cuts will fall hardest on patients.'",
        [quote("These cuts will fall hardest on patients.", "Jane Holloway", "PERSON", "said", "MiP chief executive")],
        id="X said: '...'"),
    pytest.param(
        "Union condemns cuts\n\n‘Boards cannot keep losing experienced managers,’ said Tom Reddy, MiP national officer.",
        [quote("Boards cannot keep losing experienced managers,", "Tom Reddy", "PERSON", "said", "MiP national officer")],
        id="'...,' said X, role"),
    pytest.param(
        "Union condemns cuts\n\n“We will not accept another real-terms pay cut”, Sara Blake said.",
        [quote("We will not accept another real-terms pay cut", "Sara Blake", "PERSON", "said")],
        id="'...', X said"),
    pytest.param(
        "Union condemns cuts\n\nGeorge Lamb, chair of the MiP national committee, warned: \"This will end badly for "
        "everyone involved.\"",
        [quote("This will end badly for everyone involved.", "George Lamb", "PERSON", "warned",
               "chair of the MiP national committee")],
        id="X, role, warned"),
    pytest.param(
        "Union condemns cuts\n\nAccording to Nadia Fenn, \"the figures hide a serious shortage of finance staff\".",
        [quote("the figures hide a serious shortage of finance staff", "Nadia Fenn", "PERSON", "According to")],
        id="according to X"),
    pytest.param(
        "Union condemns cuts\n\nJane Holloway told the Daily Telegraph: 'Nobody goes into management for the money.'",
        [quote("Nobody goes into management for the money.", "Jane Holloway", "PERSON", "told the Daily Telegraph")],
        id="X told <outlet>"),
    pytest.param(
        "Union condemns cuts\n\nKeith Orme runs the finance team at a large trust. 'We have cut everything we can "
        "cut,' he said.",
        [quote("We have cut everything we can cut,", "Keith Orme", "PERSON", "said")],
        id="pronoun after the quote"),
    pytest.param(
        "Pay award falls short, says managers' union\n\nMiP responds to the pay award for 2019\n\n"
        "'Senior managers have again been left behind the rest of the NHS workforce.'",
        [quote("Senior managers have again been left behind the rest of the NHS workforce.", "MiP", "ORG", "responds")],
        id="speaker only in the standfirst"),
    pytest.param(
        "Pay award falls short, says managers' union\n\n"
        "'Senior managers have again been left behind the rest of the NHS workforce.'",
        [quote("Senior managers have again been left behind the rest of the NHS workforce.", "MiP", "ORG", "says")],
        id="speaker only in the headline"),
    pytest.param(
        "Union condemns cuts\n\n'This is a bad day,' said Sara Blake. 'Nobody should pretend otherwise.'",
        [quote("This is a bad day,", "Sara Blake", "PERSON", "said"),
         quote("Nobody should pretend otherwise.", "Sara Blake", "PERSON", "said")],
        id="quote split by its attribution"),
    pytest.param(
        "Union condemns cuts\n\nCommenting on the budget, MiP chief executive Jane Holloway said:\n\n"
        "'Every trust in England will feel this within a year.'",
        [quote("Every trust in England will feel this within a year.", "Jane Holloway", "PERSON", "said",
               "MiP chief executive")],
        id="cue ends the previous paragraph"),
    pytest.param(
        "Union condemns cuts\n\nOne member told us: ‘I have never seen morale this low in twenty years.’",
        [quote("I have never seen morale this low in twenty years.", None, None, "told us")],
        id="unnamed speaker"),
    pytest.param(
        "Running the biggest trust\n\nAmy Chen talks to chief executive Robert Hale about turning round a "
        "struggling hospital.\n\n“The first thing I did was listen to the porters and the cleaners.”",
        [quote("The first thing I did was listen to the porters and the cleaners.", "Robert Hale", "PERSON", None,
               "chief executive")],
        id="interview subject"),
    pytest.param(
        "Union condemns cuts\n\nSara Blake said: ‘The first cut is the deepest.\n\n"
        "‘The second one is worse, because by then there is nothing left to cut.’",
        [quote("The first cut is the deepest. The second one is worse, because by then there is nothing left to cut.",
               "Sara Blake", "PERSON", "said")],
        id="quote over two paragraphs"),
])
def test_attribution_patterns(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Heads under pressure\n\nTrusts hired so-called 'superheads' to turn things round.", id="scare quote"),
    pytest.param("Tips\n\nCraig Lowe gathers tips for “managing upwards” at work.", id="short phrase"),
    pytest.param("Reaction\n\nMiP gives its first reaction to 'Next Steps for the People Plan'", id="title in quotes"),
    pytest.param("Training\n\nThe “Better Leaders for Wales” programme has trained 400 managers.", id="programme name"),
    pytest.param("Hunt's plan\n\nThe managers' union said Hunt's plan doesn't add up and members' jobs are at risk.",
                 id="apostrophes"),
])
def test_non_quotes(enricher, text):
    assert quotes_of(enricher, text) == []


def test_apostrophes_inside_a_quote_are_kept(enricher):
    text = "Union view\n\n'Managers don't get the credit our members' work deserves,' said Sara Blake."
    assert quotes_of(enricher, text) == [
        quote("Managers don't get the credit our members' work deserves,", "Sara Blake", "PERSON", "said")]


def test_offsets_point_at_the_quoted_words(enricher):
    text = "Union view\n\nSara Blake said: “Boards must listen to their managers.” Nobody disagreed."
    [found] = enricher.enrich_text(text).to_json()["quotes"]
    assert text[found["start"]:found["end"]] == "Boards must listen to their managers."


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win this" and left.', ["we will win this"]),
    ("“Unclosed quotes never end", []),
    ("'Nested “inner” quotes stay inside the outer one,' she said.", ["Nested “inner” quotes stay inside the outer one,"]),
])
def test_find_quotes_marks(text, expected):
    assert [span.text for span in find_quotes(text)] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Dr Anita Chowdhury-Banks runs operations at a large trust. She tells Fergus Kilbride about winter.\n\n"
        "“The first thing I do every morning is check the beds,” she says.\n\n"
        "“If there are none, the rest of the day is already decided.”",
        [quote("The first thing I do every morning is check the beds,", "Anita Chowdhury-Banks", "PERSON", "says"),
         quote("If there are none, the rest of the day is already decided.", "Anita Chowdhury-Banks", "PERSON",
               "says")],
        id="interviewee is the pronoun subject of 'tells'"),
    pytest.param(
        "‘We cannot keep asking managers to absorb the cuts’\n\nMiP responds to the staff survey results\n\n"
        "‘One in three managers is thinking about leaving this year.’",
        [quote("We cannot keep asking managers to absorb the cuts", "MiP", "ORG", "responds"),
         quote("One in three managers is thinking about leaving this year.", "MiP", "ORG", "responds")],
        id="headline quote belongs to the standfirst's subject"),
    pytest.param(
        "‘Nobody asked the people who run the wards’, says union\n\nMiP has condemned the merger.",
        [quote("Nobody asked the people who run the wards", "MiP", "ORG", "says")],
        id="'...', says union"),
    pytest.param(
        "Conference\n\nMiP general secretary Callum Fitzpatrick-Moore used his speech to call for a standard.\n\n"
        "“Managers are still expected to learn on the job and hope for the best.”",
        [quote("Managers are still expected to learn on the job and hope for the best.", "Callum Fitzpatrick-Moore",
               "PERSON", None, "MiP general secretary")],
        id="quote after a paragraph naming one person"),
    pytest.param(
        "Cuts\n\nA spokesperson for NHS Lanarkshire said the changes were \"about simplifying a structure that has "
        "grown piecemeal\".",
        [quote("about simplifying a structure that has grown piecemeal", "NHS Lanarkshire", "TRUST", "said")],
        id="a trust's spokesperson"),
    pytest.param(
        "Pay\n\nMiP organiser for Northern Ireland Ciarán Devlin said: 'Our members are doing the same jobs for "
        "less money.'",
        [quote("Our members are doing the same jobs for less money.", "Ciarán Devlin", "PERSON", "said",
               "MiP organiser for Northern Ireland")],
        id="role ending in a place name"),
    pytest.param(
        "Cuts\n\nMiP chief executive Jane Holloway told the BBC that the cuts were rushed.\n\n"
        "Tom Reddy said the timetable was impossible. He added: 'Nobody has seen the workforce modelling yet.'",
        [quote("Nobody has seen the workforce modelling yet.", "Tom Reddy", "PERSON", "added")],
        id="'told the BBC' does not make an interview: 'he' is the last person named"),
    pytest.param(
        "Covid\n\nHer colleague Gareth Lyle, head of estates, agrees. “It proved what we can do when the rules get "
        "out of the way.”",
        [quote("It proved what we can do when the rules get out of the way.", "Gareth Lyle", "PERSON", "agrees",
               "head of estates")],
        id="a sentence ending in its cue names the speaker of the next"),
    pytest.param(
        "Q&A: the cost cap\n\nOur head of policy, Tobias Wren, answers members' questions on the cap.\n\n"
        "Will my job be at risk?\n\n“Not necessarily. It depends on how your employer chooses to meet it.”",
        [quote("Not necessarily. It depends on how your employer chooses to meet it.", "Tobias Wren", "PERSON",
               "answers", "head of policy")],
        id="answers in a Q&A belong to the answerer"),
])
def test_attribution_generalises(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


def test_a_quoted_briefing_title_is_not_a_quote(enricher):
    text = "Briefing\n\nIts own briefing, “Carter Review: what it means for managers”, is available to members."
    assert quotes_of(enricher, text) == []


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Ten minutes with... Dame Yvonne Castellan\n\nDame Yvonne Castellan retired last year after a decade running a "
        "mental health trust.\n\nWhat kept you going?\n\n“The people. Every ward had someone who made the impossible "
        "look routine.”\n\nAny regrets?\n\n“Not enough sleep, and far too many meetings about meetings.”",
        [quote("The people. Every ward had someone who made the impossible look routine.", "Yvonne Castellan",
               "PERSON", None),
         quote("Not enough sleep, and far too many meetings about meetings.", "Yvonne Castellan", "PERSON", None)],
        id="Q&A answers with no cue verb are the interviewee's"),
    pytest.param(
        "Restructure criticised\n\nPat Okafor, MiP national officer, said members had described the restructure as "
        "“a box-ticking exercise from start to finish”.",
        [quote("a box-ticking exercise from start to finish", None, None, "described")],
        id="words passed on from unnamed members"),
    pytest.param(
        "Winter pressures\n\nThe site manager Jo Prentice spoke at length. One colleague called it “the longest winter "
        "any of us can remember”.",
        [quote("the longest winter any of us can remember", None, None, "called it")],
        id="a colleague called it '...'"),
    pytest.param(
        "Rota row\n\n‘We asked for a fair rota,’ said Amira Doyle, ‘and we were given a spreadsheet.’",
        [quote("We asked for a fair rota, and we were given a spreadsheet.", "Amira Doyle", "PERSON", "said")],
        id="a quote only interrupted by ', said X,' is one quote"),
    pytest.param(
        "Rota row\n\n‘We asked for a fair rota,’ said Amira Doyle. ‘We were given a spreadsheet instead.’",
        [quote("We asked for a fair rota,", "Amira Doyle", "PERSON", "said"),
         quote("We were given a spreadsheet instead.", "Amira Doyle", "PERSON", "said")],
        id="a quote split by a full 'said X.' sentence is two"),
    pytest.param(
        "Annual conference\n\nThe conference took the theme ‘Building teams that last the distance’ this year.",
        [], id="a conference theme in quote marks is a title"),
    pytest.param(
        "Board cuts\n\nManagers at Dyfed Valley University Health Board face a restructure.\n\nThe health board said "
        "in a statement: “We are working closely with staff side colleagues on this.”",
        [quote("We are working closely with staff side colleagues on this.", "Dyfed Valley University Health Board",
               "TRUST", "said in a statement")],
        id="an organisation named by its kind speaks in a statement"),
])
def test_blind_evaluation_error_classes(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Interview: a new hospital\n\nFunmilayo Hart runs Brookfield Hospital. Owain Pritchard met her.\n\n"
        "“The move took two years of my life,” she says.",
        [quote("The move took two years of my life,", "Funmilayo Hart", "PERSON", "says")],
        id="'X met her': the interviewee is the person named before"),
    pytest.param(
        "Ward praised\n\nDr Marta Kowalska said the ward had coped well.\n\n"
        "MiP organiser Declan Byrne, also at the meeting, agreed the staff deserved credit. "
        "“Thanks is not enough. They need time back,” he said.",
        [quote("Thanks is not enough. They need time back,", "Declan Byrne", "PERSON", "said",
               "MiP organiser")],
        id="'he' is the last man named, not the last person"),
    pytest.param(
        "Three years on\n\nFor MiP’s chief executive, Abena Mensah, the lesson is plain. "
        "“Reviews change nothing on their own. Money does.”",
        [quote("Reviews change nothing on their own. Money does.", "Abena Mensah", "PERSON", None,
               "MiP’s chief executive")],
        id="the one person named before the quote in its paragraph"),
    pytest.param(
        "Cuts\n\nA spokesperson for the union told the Guardian: “Managers are not a cost to be cut.”",
        [quote("Managers are not a cost to be cut.", "MiP", "ORG", "told the Guardian")],
        id="a spokesperson for the union is the union"),
    pytest.param(
        "ICB cuts\n\nStaff at NHS Wessex Vale ICB are worried.\n\n"
        "An ICB spokesperson said it would “keep staff fully informed at every stage”.",
        [quote("keep staff fully informed at every stage", "NHS Wessex Vale ICB", "TRUST", "said")],
        id="an ICB spokesperson speaks for the ICB named before"),
    pytest.param(
        "ICB cuts\n\nNHS Wessex Vale ICB said in a statement that it was “working closely with trade unions”.",
        [quote("working closely with trade unions", "NHS Wessex Vale ICB", "TRUST", "said in a statement")],
        id="a trust or ICB as the subject of the cue"),
    pytest.param(
        "Unions unite\n\nFour unions have signed a joint statement. The statement, sent to the Public Accounts "
        "Committee on Monday, says the cap “will push clinical staff back into paperwork”.",
        [quote("will push clinical staff back into paperwork", None, None, "says")],
        id="a document's words with no one named as its author"),
])
def test_attribution_of_interviews_pronouns_and_bodies(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Pay\n\nIn a briefing to members last week, the union said the plans “risk cutting the wrong posts first”.",
        [quote("risk cutting the wrong posts first", "MiP", "ORG", "said")],
        id="the union as the subject, though members are named before it"),
    pytest.param(
        "Tribunal\n\nMiP officer Ravi Bhatt, who advised Ms Ellison throughout, said: “She did what managers are "
        "told to do.”",
        [quote("She did what managers are told to do.", "Ravi Bhatt", "PERSON", "said", "MiP officer")],
        id="a person inside a 'who …' aside is not the speaker"),
    pytest.param(
        "Tribunal\n\nA spokesperson for the trust said it accepted the ruling. “We will learn from this case,” the "
        "spokesperson said.\n\nStaff at Lowmoor Vale NHS Trust were relieved.",
        [quote("We will learn from this case,", None, None, "said")],
        id="'the spokesperson' with no trust named before is no one"),
    pytest.param(
        "Tribunal\n\nStaff at Lowmoor Vale NHS Trust were relieved. A spokesperson for the trust said it accepted the "
        "ruling. “We will learn from this case,” the spokesperson said.",
        [quote("We will learn from this case,", "Lowmoor Vale NHS Trust", "TRUST", "said")],
        id="'the spokesperson' speaks for the trust named before"),
    pytest.param(
        "Pay offer\n\nA Welsh Government spokesperson said: “This offer is fully funded and fair.”",
        [quote("This offer is fully funded and fair.", "Welsh Government", "ORG", "said")],
        id="an organisation's spokesperson"),
    pytest.param(
        "Interview\n\nKofi Asante talks to Lena Marsh about the winter.\n\n"
        "She was promoted in the spring – just in time, as she puts it, “to meet the worst winter on record”.\n\n"
        "What kept the hospital going, she believes, was planning. “Nobody saw the bed managers, but they did it.”",
        [quote("to meet the worst winter on record", "Lena Marsh", "PERSON", "puts it"),
         quote("Nobody saw the bed managers, but they did it.", "Lena Marsh", "PERSON", None)],
        id="'as she puts it' and 'she believes' in an interview"),
])
def test_attribution_of_the_union_asides_spokespeople_and_pronouns(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


def test_a_headline_quote_belongs_to_the_standfirst_subject_despite_an_aside(enricher):
    text = ("‘The waiting list is the story of my working life’\n\n"
            "Wards are full. Orla Nic Dhonnacha, a senior manager at the Foyle Health and Social Care Trust, tells "
            "Healthcare Manager what it is like to run one.")
    assert quotes_of(enricher, text) == [
        quote("The waiting list is the story of my working life", "Orla Nic Dhonnacha", "PERSON", "tells",
              "senior manager at the Foyle Health and Social Care Trust")]


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Seventy years on\n\nAs the service turns 70, Kemi Adeyinka looks back and talks to three managers.\n\n"
        "Moira Blaine was one of the first general managers.\n\n“The consultants were appalled,” she says.\n\n"
        "Ian Korda ran a trust in the 2000s.\n\n“People forget how long the waits were.”",
        [quote("The consultants were appalled,", "Moira Blaine", "PERSON", "says"),
         quote("People forget how long the waits were.", "Ian Korda", "PERSON", None)],
        id="a feature with several interviewees: the writer who 'talks to three managers' is not one"),
    pytest.param(
        "Devolution\n\nDr Ama Boateng, director of strategy at the Wessex Health and Care Partnership, talks to "
        "Carys Lloyd about the budget.\n\n“It is about ten councils deciding together,” she says.",
        [quote("It is about ten councils deciding together,", "Ama Boateng", "PERSON", "says",
               "director of strategy at the Wessex Health and Care Partnership")],
        id="'X, role, talks to Y': the one with the role is interviewed"),
    pytest.param(
        "Review\n\nMiP officer Farah Doyle said: “Lena Hartley has listened to managers.”\n\n"
        "“The 30% cut is the clearest example,” she added.",
        [quote("Lena Hartley has listened to managers.", "Farah Doyle", "PERSON", "said", "MiP officer"),
         quote("The 30% cut is the clearest example,", "Farah Doyle", "PERSON", "added", "MiP officer")],
        id="a name inside a quotation is not the antecedent of 'she added'"),
])
def test_attribution_in_features_with_several_people(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Turnaround\n\nDr Kofi Mensah-Dale explains to Ffion Rees why he walks the wards.\n\n"
        "He credits his deputy, Aoife Kerrigan, and the staff side chair, Colm Byrne.\n\n"
        "“Aoife is the one who makes it happen,” he says.",
        [quote("Aoife is the one who makes it happen,", "Kofi Mensah-Dale", "PERSON", "says")],
        id="'he' continuing the paragraph before's 'He' is the interviewee, not the last man named"),
    pytest.param(
        "Villains\n\nLiam Ross wrote this column.\n\nWhen I asked one journalist why his paper ran the story, he "
        "laughed. “Readers love a villain,” he said.",
        [quote("Readers love a villain,", None, None, "said")],
        id="'he' after an unnamed journalist is no one we can name"),
    pytest.param(
        "Savings\n\nNHS England said the money would go to the front line. A spokesperson said: “Every pound counts "
        "for patients.”",
        [quote("Every pound counts for patients.", "NHS England", "ORG", "said")],
        id="a bare spokesperson speaks for the body that spoke just before"),
    pytest.param(
        "Change\n\nIt was, says Professor Ama Owusu of the University of Leeds, ‘the biggest change since 1948’.",
        [quote("the biggest change since 1948", "Ama Owusu", "PERSON", "says", "Professor")],
        id="an inverted cue: 'says X,' before the quote"),
    pytest.param(
        "Pay\n\n'Directors earn less than the people they manage,' a union spokesperson said.",
        [quote("Directors earn less than the people they manage,", "MiP", "ORG", "said")],
        id="a union spokesperson is the union"),
    pytest.param(
        "Question\n\nWas there a plan? She pauses, then says: “Now there is.” “I know,” he said.",
        [quote("Now there is.", None, None, "says"), quote("I know,", None, None, "said")],
        id="short quotes introduced or followed by a speech verb are quotes"),
])
def test_attribution_of_continuing_pronouns_spokespeople_and_short_quotes(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


def test_a_speaker_named_by_surname_keeps_the_role_stated_earlier(enricher):
    text = ("Cuts\n\nMiP national officer Rhiannon Beddoes-Pryce responds to the plans.\n\n"
            "'People deserve to know which posts are at risk,' said Beddoes-Pryce.")
    assert quotes_of(enricher, text) == [
        quote("People deserve to know which posts are at risk,", "Rhiannon Beddoes-Pryce", "PERSON", "said",
              "MiP national officer")]


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Funding\n\nNHS Providers, which represents trusts, said trusts were stretched. In a statement, the "
        "organisation said: “The gap keeps growing.”",
        [quote("The gap keeps growing.", "NHS Providers", "ORG", "said")],
        id="'the organisation said' is the organisation named before"),
    pytest.param(
        "Tax\n\nNHS Employers has also called for change. It said: “The rules are driving doctors away.”",
        [quote("The rules are driving doctors away.", "NHS Employers", "ORG", "said")],
        id="'It said' is the organisation named before"),
    pytest.param(
        "Regulation\n\nOur response says: “Managers should answer for their decisions, as clinicians do.”",
        [quote("Managers should answer for their decisions, as clinicians do.", "MiP", "ORG", "says")],
        id="the union's own document speaks for the union"),
    pytest.param(
        "Flexible working\n\nMembers often ask: ‘Can my employer just refuse the request?’",
        [quote("Can my employer just refuse the request?", None, None, "ask")],
        id="members in general are no one in particular"),
    pytest.param(
        "Letters\n\nKaren Hollis runs the unit. A patient’s daughter wrote to us. “Whoever sorted that out, thank "
        "them,” she said.",
        [quote("Whoever sorted that out, thank them,", None, None, "said")],
        id="'she' after an unnamed relative is no one we can name"),
    pytest.param(
        "Debate\n\nAs Baroness Hale-Morris put it during a debate on the review, ‘nobody has ever run a hospital "
        "without managers’.",
        [quote("nobody has ever run a hospital without managers", "Hale-Morris", "PERSON", "put it")],
        id="speech after 'the review,' is still speech"),
])
def test_attribution_to_bodies_referred_back_documents_and_the_public(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Tribute\n\nHer successor, Carys Vaughan-Lloyd, said Eirlys Parry had taught them all. She added: ‘She would "
        "ring you at eight to check you had read the papers.’",
        [quote("She would ring you at eight to check you had read the papers.", "Carys Vaughan-Lloyd", "PERSON",
               "added")],
        id="'She added' is the woman who spoke, not the woman she spoke of"),
    pytest.param(
        "Review\n\nMiP responds to ‘Leading with care and courage’, the review of NHS leadership.",
        [],
        id="a title in quote marks followed by its kind is not a quotation"),
])
def test_attribution_to_the_last_speaker_and_titles_with_their_kind(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "‘Vacancies are the symptom, not the disease’ – MiP responds to locum caps\n\n"
        "New limits on locum spending were announced today.\n\n"
        "MiP national officer Carys Pugh said: “Nobody hires interims for fun. Vacancies are the symptom, not the "
        "disease.”",
        [quote("Vacancies are the symptom, not the disease", "Carys Pugh", "PERSON", "said", "MiP national officer"),
         quote("Nobody hires interims for fun. Vacancies are the symptom, not the disease.", "Carys Pugh", "PERSON",
               "said", "MiP national officer")],
        id="a headline quoting the body speaks with the body quote's speaker"),
    pytest.param(
        "Hard lessons\n\nMiP responds to the government’s response to the Wexford report\n\n"
        "'The government is right to put safe staffing first. But managers who speak up need protecting too.'",
        [quote("The government is right to put safe staffing first. But managers who speak up need protecting too.",
               "MiP", "ORG", "responds")],
        id="a standfirst ending in a report word does not make the next paragraph's quote a title"),
])
def test_headline_echoes_and_quotes_after_a_standfirst(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Lean on the ward\n\nWard sister Blessing Achterberg was doubtful. “I thought, not another consultant with "
        "a clipboard,” she admits.",
        [quote("I thought, not another consultant with a clipboard,", "Blessing Achterberg", "PERSON", "admits")],
        id="an unnamed person inside the quotation does not hide the woman named before it"),
    pytest.param(
        "Roads and rotas\n\nTegwen Morgan has kept the community teams going for ten years.\n\n"
        "Her colleague Gareth Pritchard runs the rota. ‘Nobody sees the miles we drive,’ he says.\n\n"
        "She now mentors two trainees through a scheme run by the health board.\n\n"
        "“Somebody gave me a chance once. The least I can do is pass it on.”",
        [quote("Nobody sees the miles we drive,", "Gareth Pritchard", "PERSON", "says"),
         quote("Somebody gave me a chance once. The least I can do is pass it on.", "Tegwen Morgan", "PERSON", None)],
        id="a 'she' between two quotes hands the second from a man to the woman the piece is about"),
    pytest.param(
        "Regulation response\n\nMiP has answered the consultation.\n\nIn our response we say: ‘Standards must be "
        "set with managers, not imposed on them.’",
        [quote("Standards must be set with managers, not imposed on them.", "MiP", "ORG", "say")],
        id="'In our response we say' is the union"),
    pytest.param(
        "MiP response to ‘Leading Well: proposals to license NHS managers’\n\nMiP has sent its response.",
        [],
        id="a title in quote marks after 'response to' is not a quotation"),
])
def test_pronouns_past_quotations_and_the_unions_documents(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Slotting in\n\nPriya Raghunath is an MiP national officer.\n\nSome employers match posts by job "
        "description. Priya warns that the rules vary. 'Some trusts use a 60% match, some use 40%.'",
        [quote("Some trusts use a 60% match, some use 40%.", "Priya Raghunath", "PERSON", "warns")],
        id="a first name standing for a person named in full speaks"),
    pytest.param(
        "Plan welcomed\n\nLucy Sandler said: ‘It is a start.’ Kwame Asante welcomed the plan but said members "
        "would wait and see. ‘We have heard promises before.’",
        [quote("It is a start.", "Lucy Sandler", "PERSON", "said"),
         quote("We have heard promises before.", "Kwame Asante", "PERSON", "said")],
        id="a new person opening a sentence after a quote speaks the next one"),
    pytest.param(
        "New boss\n\nTomos Idris arrived in the autumn. He had never run a trust before, and admits that his first "
        "board meeting was “one of the more frightening afternoons of my life”.",
        [quote("one of the more frightening afternoons of my life", "Tomos Idris", "PERSON", "admits")],
        id="a pronoun opening the sentence of the cue"),
    pytest.param(
        "Pay deal\n\nNHS Employers, which represents employers on the Staff Council, said it was “pleased that so "
        "many staff had their say”.",
        [quote("pleased that so many staff had their say", "NHS Employers", "ORG", "said")],
        id="a body with an aside naming another body speaks itself, and 'the Staff Council' is no unnamed person"),
])
def test_first_names_sentence_subjects_and_asides(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Ask MiP\n\nSome employers put staff 'at risk of redundancy' early. Others call it a 'mutual parting of the "
        "ways'. The SSRB said the system was “no longer fit for purpose”.",
        [quote("no longer fit for purpose", "SSRB", "ORG", "said")],
        id="short lower-case terms in quote marks are not quotations unless a cue introduces them"),
    pytest.param(
        "Review process ‘no longer fit for purpose’\n\nMiP has told the review body so.",
        [quote("no longer fit for purpose", "MiP", "ORG", "told")],
        id="a short phrase quoted in the headline is still a quotation"),
    pytest.param(
        "Lights on\n\nElin Pryce has run the estates team for years. She tells Healthcare Manager why it matters.\n\n"
        "MiP’s national officer for Wales, Catrin Lloyd, says the job is overlooked. 'Estates managers carry big "
        "risks.'\n\nShe has no plans to move on. “I still get a kick out of it,” she says.",
        [quote("Estates managers carry big risks.", "Catrin Lloyd", "PERSON", "says", "MiP’s national officer for Wales"),
         quote("I still get a kick out of it,", "Elin Pryce", "PERSON", "says")],
        id="the officer who says it speaks; a paragraph opened by 'She' is the profile's subject"),
    pytest.param(
        "Night shift\n\nMarek Nowicki, the supervisor who led the repair, remembers it as ‘the longest night of my "
        "career’.",
        [quote("the longest night of my career", "Marek Nowicki", "PERSON", "remembers")],
        id="'remembers it as' is a cue"),
])
def test_terms_headline_phrases_profiles_and_memories(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "‘Another year of falling pay’ for NHS managers, says union\n\nMiP responds to the pay review bodies.",
        [quote("Another year of falling pay", "MiP", "ORG", "says")],
        id="the speaker after an inverted cue"),
    pytest.param(
        "Pay\n\n“Ministers say they value leaders,” Joe Marsh told HSJ.",
        [quote("Ministers say they value leaders,", "Joe Marsh", "PERSON", "told HSJ")],
        id="whom someone told is the listener, not the speaker"),
])
def test_inverted_cues_and_listeners(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Standards\n\n“We support standards, we always have,” says Mercy Oduya, MiP national officer.",
        [quote("We support standards, we always have,", "Mercy Oduya", "PERSON", "says", "MiP national officer")],
        id="a name beginning 'Me' after the cue is no 'says me'"),
    pytest.param(
        "Cuts\n\nSiobhan Keane, MiP national officer, said: “Members are worried.”\n\nA director at one merging "
        "ICB, who asked not to be named, said the cuts could help. “We have too many meetings.”",
        [quote("Members are worried.", "Siobhan Keane", "PERSON", "said", "MiP national officer"),
         quote("We have too many meetings.", None, None, "said")],
        id="after a sentence about someone unnamed, the quote is theirs"),
    pytest.param(
        "Ring-fences\n\nNkechi Ballard, MiP national officer, said: “Ask in writing.”\n\nOne member told us she "
        "was left out of a ring-fence. “Nobody thought to include me.”",
        [quote("Ask in writing.", "Nkechi Ballard", "PERSON", "said", "MiP national officer"),
         quote("Nobody thought to include me.", None, None, "told")],
        id="the unnamed member's pronoun is not the last speaker's"),
])
def test_cue_objects_and_unnamed_speakers_before_a_quote(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Tribunal win\n\nA manager at Trentside Hospitals NHS Trust won her claim.\n\nA spokesperson for Trentside "
        "said: “We accept the tribunal’s findings. Since 2022 the trust has appointed a new chair.”",
        [quote("We accept the tribunal’s findings. Since 2022 the trust has appointed a new chair.",
               "Trentside Hospitals NHS Trust", "TRUST", "said")],
        id="a spokesperson for a trust named by its first word"),
    pytest.param(
        "Cuts\n\nIn a statement, Fellbrook CCG, which is leading the process, said: \"No decisions have been made.\"",
        [quote("No decisions have been made.", "Fellbrook CCG", "TRUST", "said")],
        id="the trust that speaks, past the aside about it"),
    pytest.param(
        "MiP responds to the plan\n\nMiP chief executive Corinne Wade gave this response to the publication of the "
        "plan\n\n“The plan is ambitious, and much of it is welcome.”",
        [quote("The plan is ambitious, and much of it is welcome.", "Corinne Wade", "PERSON", "gave",
               "MiP chief executive")],
        id="the standfirst's 'gave this response' names the speaker"),
])
def test_bodies_by_short_names_asides_and_responses_given(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "Lessons from England\n\nMiP deputy chief executive Anjali Varma said the lessons from England were clear. "
        "“Every reorganisation we have seen has cost more than promised,” he said. “Ministers can learn from that.”",
        [quote("Every reorganisation we have seen has cost more than promised,", "Anjali Varma", "PERSON", "said",
               "MiP deputy chief executive"),
         quote("Ministers can learn from that.", "Anjali Varma", "PERSON", "said", "MiP deputy chief executive")],
        id="a pronoun after the paragraph's one speaker is theirs, whatever the name suggests"),
    pytest.param(
        "Public health\n\nBehind the front line sit quieter boards. Dr Ellis Fenwick runs one of them.\n\n"
        "“We were still finding the stationery cupboard when the first cases came in,” jokes Dr Adaeze Okoro, "
        "a consultant at the agency.",
        [quote("We were still finding the stationery cupboard when the first cases came in,", "Adaeze Okoro",
               "PERSON", "jokes", "consultant at the agency")],
        id="a joke is a cue like any other verb of saying"),
    pytest.param(
        "Survey results\n\nRespondents described their year in their own words. One head of service in NHS "
        "Ardmore wrote: “I used to manage a service. Now I manage a spreadsheet of vacancies.”",
        [quote("I used to manage a service. Now I manage a spreadsheet of vacancies.", None, None, "wrote")],
        id="one head of service in a named board is unnamed, and the board does not speak"),
])
def test_lone_speakers_jokes_and_unnamed_heads_of_service(enricher, text, expected):
    assert quotes_of(enricher, text) == expected


#: A feature from the held-out set heldout81 (our own text), up to the quote that matters.
_TEN_YEARS_ON = "".join([
    'Ten years after Francis: has the NHS learned its lessons?\n\n',
    'A decade on from the report that shook the health service, Faith Moss asks managers, a chief executive and a leading academic whether the culture of the NHS has really changed\n\n',
    'On 6 February 2013, Robert Francis QC published the final report of his public inquiry into Mid Staffordshire NHS Foundation Trust. Its 1,782 pages and 290 recommendations described in painful detail how hundreds of patients had suffered appalling care while the trust’s board chased foundation trust status and the financial targets that came with it.\n\n',
    'The response was swift. Within a year the Care Quality Commission had a chief inspector of hospitals, the Keogh review had put 11 trusts into special measures, and Don Berwick had told ministers that fear was “toxic to both safety and improvement”. Hard Truths, the government’s full response, promised a statutory duty of candour and a fit and proper persons test for directors.\n\n',
    'Ten years on, how much has changed? “In some ways, an enormous amount,” says Professor Owain Pryce of Cardiff University, who has studied NHS regulation since the early 2000s. “Nobody now argues that quality is something you can leave to the clinicians while the board worries about money. That was the Francis effect, and it has stuck.\n\n',
    '“But the things Francis said about culture – about openness, about listening to patients and staff – are much harder to legislate for. And when you look at the scandals we have had since, in maternity services for instance, you see the same pattern of warnings ignored and staff afraid to speak.”\n\n',
    'For managers, the decade has been a mixed one. Yusuf Patel, now chief executive of Marshfield and Wessex ICB, was a junior operations manager at a trust in special measures in 2013. “I remember the day the Keogh team arrived,” he says. “It was terrifying, and it was also the first time I’d seen anyone from outside ask our ward staff what they thought.”\n\n',
    'Patel believes the NHS got some things badly wrong after Francis, not least the churn of leaders in struggling organisations. “We sacked a lot of boards,” he says.',
])


def test_a_pronoun_after_a_subject_who_believes_is_the_subjects_not_a_name_later_in_the_sentence(enricher):
    quotes = quotes_of(enricher, _TEN_YEARS_ON)

    assert quotes[-1]["text"] == "We sacked a lot of boards,"
    assert quotes[-1]["speaker"] == "Yusuf Patel"


def test_x_talks_to_y_when_xs_role_is_set_off_before_the_name(enricher):
    # "Z's head of governance, X, talks to Y": the one with the role is interviewed, though the role comes first
    text = ("‘Safety is a board job’\n\n"
            "Harbourside Hospitals’ head of patient safety, Jaswinder Kalsi, talks to Morwenna Tregear about never "
            "events and board reports\n\n"
            "Jaswinder Kalsi keeps an old incident form on the wall of the office.\n\n"
            "“It reminds me that filling in the form was never the job,” he says.")
    assert [(q["text"], q["speaker"]) for q in quotes_of(enricher, text)] == [
        ("Safety is a board job", "Jaswinder Kalsi"),
        ("It reminds me that filling in the form was never the job,", "Jaswinder Kalsi")]


@pytest.mark.parametrize("text, person", [
    pytest.param("Ten years on\n\nRavinder Sandhu still remembers the board meeting in March 2021.\n\n"
                 "“Nobody asked about it,” she says.\n\nSandhu, the trust’s director of governance, left in 2022.",
                 "Ravinder Sandhu", id="a paragraph opening with a Punjabi given name names a person"),
    pytest.param("Cuts\n\nTobias Quayle, who supports members in the North East and Yorkshire, said members were "
                 "angry.\n\n‘People understand that money is tight,’ he said.",
                 "Tobias Quayle", id="a region named after the speaker is not the 'he' who speaks next"),
])
def test_the_one_person_named_is_the_speaker(enricher, text, person):
    result = enricher.enrich_text(text).to_json()
    assert {(e["label"], e["canonical"]) for e in result["entities"]} == {("PERSON", person)}
    assert [q["speaker"] for q in result["quotes"]] == [person]
