"""Parses of short sentences written for the summit rule tests, as rows for
``hand_parse.hand_doc`` (word TAG dep head [lemma [ENT]]). Each was checked against what
the English pipeline gives for the sentence, entities corrected by hand."""

# Macron's visit ended.
MACRONS_VISIT = """
Macron  NNP  poss   2  -    PERSON
's      POS  case   0
visit   NN   nsubj  3
ended   VBD  ROOT   3  end
.       .    punct  3
"""

# The Lima meeting ended.
LIMA_MEETING = """
The      DT   det       2
Lima     NNP  compound  2  -    GPE
meeting  NN   nsubj     3
ended    VBD  ROOT      3  end
.        .    punct     3
"""

# A French visit ended.
FRENCH_VISIT = """
A       DT   det    2
French  JJ   amod   2  -    NORP
visit   NN   nsubj  3
ended   VBD  ROOT   3  end
.       .    punct  3
"""

# Talks between Chile and Peru ended.
TALKS_BETWEEN = """
Talks    NNS  nsubj  5  talk
between  IN   prep   0
Chile    NNP  pobj   1  -     GPE
and      CC   cc     2
Peru     NNP  conj   2  -     GPE
ended    VBD  ROOT   5  end
.        .    punct  5
"""

# A meeting in Lima ended.
MEETING_IN_LIMA = """
A        DT   det    1
meeting  NN   nsubj  4
in       IN   prep   1
Lima     NNP  pobj   2  -    GPE
ended    VBD  ROOT   4  end
.        .    punct  4
"""

# Scholz began a visit to Beijing.
VISIT_TO_BEIJING = """
Scholz   NNP  nsubj  1  -      PERSON
began    VBD  ROOT   1  begin
a        DT   det    3
visit    NN   dobj   1
to       IN   prep   3
Beijing  NNP  pobj   4  -      GPE
.        .    punct  1
"""

# Talks on Ukraine's membership of the European Union resumed.
MEMBERSHIP_TALKS = """
Talks       NNS  nsubj     9  talk
on          IN   prep      0
Ukraine     NNP  poss      4  -       GPE
's          POS  case      2
membership  NN   pobj      1
of          IN   prep      4
the         DT   det       8
European    NNP  compound  8  -       ORG
Union       NNP  pobj      5  -       ORG
resumed     VBD  ROOT      9  resume
.           .    punct     9
"""

# In Lima, his visit here ended.
VISIT_HERE = """
In     IN    prep    6
Lima   NNP   pobj    0  -    GPE
,      ,     punct   6
his    PRP$  poss    4
visit  NN    nsubj   6
here   RB    advmod  4
ended  VBD   ROOT    6  end
.      .     punct   6
"""

# Scholz visited Beijing.
VISITED_BEIJING = """
Scholz   NNP  nsubj  1  -      PERSON
visited  VBD  ROOT   1  visit
Beijing  NNP  dobj   1  -      GPE
.        .    punct  1
"""

# The deal follows a visit to Hanoi by Janet Yellen. ("by" hung on the verb, as the parser
# often does.)
VISIT_BY_ON_VERB = """
The      DT   det       1
deal     NN   nsubj     2
follows  VBZ  ROOT      2  follow
a        DT   det       4
visit    NN   dobj      2
to       IN   prep      4
Hanoi    NNP  pobj      5  -       GPE
by       IN   prep      2
Janet    NNP  compound  9  -       PERSON
Yellen   NNP  pobj      7  -       PERSON
.        .    punct     2
"""

# Antony Blinken, speaking at a joint news conference with Wang Yi, smiled.
CONFERENCE_WITH = """
Antony      NNP  compound  1   -      PERSON
Blinken     NNP  nsubj     13  -      PERSON
,           ,    punct     1
speaking    VBG  acl       1   speak
at          IN   prep      3
a           DT   det       8
joint       JJ   amod      8
news        NN   compound  8
conference  NN   pobj      4
with        IN   prep      8
Wang        NNP  compound  11  -      PERSON
Yi          NNP  pobj      9   -      PERSON
,           ,    punct     1
smiled      VBD  ROOT      13  smile
.           .    punct     13
"""

# Brian Mulroney held talks with Ronald Reagan.
HELD_TALKS_WITH = """
Brian     NNP  compound  1  -     PERSON
Mulroney  NNP  nsubj     2  -     PERSON
held      VBD  ROOT      2  hold
talks     NNS  dobj      2  talk
with      IN   prep      3
Ronald    NNP  compound  6  -     PERSON
Reagan    NNP  pobj      4  -     PERSON
.         .    punct     2
"""

# Joe Biden is due to meet Narendra Modi.
DUE_TO_MEET = """
Joe       NNP      compound  1  -   PERSON
Biden     NNP      nsubj     2  -   PERSON
is        VBZ:AUX  ROOT      2  be
due       JJ       acomp     2
to        TO       aux       5
meet      VB       xcomp     3
Narendra  NNP      compound  7  -   PERSON
Modi      NNP      dobj      5  -   PERSON
.         .        punct     2
"""

# Mr Jack Straw, visiting Beijing, spoke.
VISITING_PARTICIPLE = """
Mr        NNP  compound  2
Jack      NNP  compound  2  -      PERSON
Straw     NNP  nsubj     7  -      PERSON
,         ,    punct     2
visiting  VBG  acl       2  visit
Beijing   NNP  dobj      4  -      GPE
,         ,    punct     7
spoke     VBD  ROOT      7  speak
.         .    punct     7
"""

# Emmanuel Macron accepted Joe Biden's invitation to visit Washington.
INVITATION_TO_VISIT = """
Emmanuel    NNP  compound  1  -       PERSON
Macron      NNP  nsubj     2  -       PERSON
accepted    VBD  ROOT      2  accept
Joe         NNP  compound  4  -       PERSON
Biden       NNP  poss      6  -       PERSON
's          POS  case      4
invitation  NN   dobj      2
to          TO   aux       8
visit       VB   acl       6
Washington  NNP  dobj      8  -       GPE
.           .    punct     2
"""

# Emmanuel Macron will meet Narendra Modi.
WILL_MEET = """
Emmanuel  NNP  compound  1  -  PERSON
Macron    NNP  nsubj     3  -  PERSON
will      MD   aux       3
meet      VB   ROOT      3
Narendra  NNP  compound  5  -  PERSON
Modi      NNP  dobj      3  -  PERSON
.         .    punct     3
"""

# Joe Biden and Xi Jinping met in Geneva.
MET_IN_GENEVA = """
Joe      NNP  compound  1  -     PERSON
Biden    NNP  nsubj     5  -     PERSON
and      CC   cc        1
Xi       NNP  compound  4  -     PERSON
Jinping  NNP  conj      1  -     PERSON
met      VBD  ROOT      5  meet
in       IN   prep      5
Geneva   NNP  pobj      6  -     GPE
.        .    punct     5
"""

# Joe Biden extended an invitation for Xi Jinping to make a state visit. ("make" hung on
# the invitation)
INVITATION_TO_MAKE = """
Joe         NNP  compound  1   -       PERSON
Biden       NNP  nsubj     2   -       PERSON
extended    VBD  ROOT      2   extend
an          DT   det       4
invitation  NN   dobj      2
for         IN   prep      4
Xi          NNP  compound  7   -       PERSON
Jinping     NNP  pobj      5   -       PERSON
to          TO   aux       9
make        VB   acl       4
a           DT   det       12
state       NN   compound  12
visit       NN   dobj      9
.           .    punct     2
"""

# Brian Mulroney held discussions with Ronald Reagan.
HELD_DISCUSSIONS = """
Brian        NNP  compound  1  -           PERSON
Mulroney     NNP  nsubj     2  -           PERSON
held         VBD  ROOT      2  hold
discussions  NNS  dobj      2  discussion
with         IN   prep      3
Ronald       NNP  compound  6  -           PERSON
Reagan       NNP  pobj      4  -           PERSON
.            .    punct     2
"""

# The next meeting will be in May.
NEXT_MEETING = """
The      DT      det    2
next     JJ      amod   2
meeting  NN      nsubj  4
will     MD      aux    4
be       VB:AUX  ROOT   4
in       IN      prep   4
May      NNP     pobj   5  -  DATE
.        .       punct  4
"""

# Joe Biden told Xi Jinping about the conversation.
ABOUT_THE_CONVERSATION = """
Joe           NNP  compound  1  -     PERSON
Biden         NNP  nsubj     2  -     PERSON
told          VBD  ROOT      2  tell
Xi            NNP  compound  4  -     PERSON
Jinping       NNP  dobj      2  -     PERSON
about         IN   prep      2
the           DT   det       7
conversation  NN   pobj      5
.             .    punct     2
"""

# In Ottawa, officials discussed talks with the United States.
TALKS_WITH_A_STATE = """
In         IN   prep      4
Ottawa     NNP  pobj      0  -         GPE
,          ,    punct     4
officials  NNS  nsubj     4  official
discussed  VBD  ROOT      4  discuss
talks      NNS  dobj      4  talk
with       IN   prep      5
the        DT   det       9
United     NNP  compound  9  -         GPE
States     NNP  pobj      6  -         GPE
.          .    punct     4
"""

# Joe Biden made a call for calm.
CALL_FOR_CALM = """
Joe    NNP  compound  1  -     PERSON
Biden  NNP  nsubj     2  -     PERSON
made   VBD  ROOT      2  make
a      DT   det       4
call   NN   dobj      2
for    IN   prep      4
calm   NN   pobj      5
.      .    punct     2
"""

# Joe Biden had a phone call with Xi Jinping.
PHONE_CALL_WITH = """
Joe      NNP  compound  1  -     PERSON
Biden    NNP  nsubj     2  -     PERSON
had      VBD  ROOT      2  have
a        DT   det       5
phone    NN   compound  5
call     NN   dobj      2
with     IN   prep      5
Xi       NNP  compound  8  -     PERSON
Jinping  NNP  pobj      6  -     PERSON
.        .    punct     2
"""

# They discussed the call.
DISCUSSED_THE_CALL = """
They       PRP  nsubj  1
discussed  VBD  ROOT   1  discuss
the        DT   det    3
call       NN   dobj   1
.          .    punct  1
"""

# Joe Biden welcomed the talk.
THE_TALK = """
Joe       NNP  compound  1  -        PERSON
Biden     NNP  nsubj     2  -        PERSON
welcomed  VBD  ROOT      2  welcome
the       DT   det       4
talk      NN   dobj      2
.         .    punct     2
"""

# The plan met a cool reception.
COOL_RECEPTION = """
The        DT   det    1
plan       NN   nsubj  2
met        VBD  ROOT   2  meet
a          DT   det    5
cool       JJ   amod   5
reception  NN   dobj   2
.          .    punct  2
"""

# The criteria were met.
CRITERIA_MET = """
The       DT       det        1
criteria  NNS      nsubjpass  3  criterion
were      VBD:AUX  auxpass    3  be
met       VBN      ROOT       3  meet
.         .        punct      3
"""

# Joe Biden met Xi Jinping.
MET = """
Joe      NNP  compound  1  -     PERSON
Biden    NNP  nsubj     2  -     PERSON
met      VBD  ROOT      2  meet
Xi       NNP  compound  4  -     PERSON
Jinping  NNP  dobj      2  -     PERSON
.        .    punct     2
"""

# The planned summit opened.
PLANNED_SUMMIT = """
The      DT   det    2
planned  VBN  amod   2  plan
summit   NN   nsubj  3
opened   VBD  ROOT   3  open
.        .    punct  3
"""

# Joe Biden meets Xi Jinping.
MEETS = """
Joe      NNP  compound  1  -     PERSON
Biden    NNP  nsubj     2  -     PERSON
meets    VBZ  ROOT      2  meet
Xi       NNP  compound  4  -     PERSON
Jinping  NNP  dobj      2  -     PERSON
.        .    punct     2
"""

# The summit in May.
SUMMIT_IN_MAY = """
The     DT   det    1
summit  NN   ROOT   1
in      IN   prep   1
May     NNP  pobj   2  -  DATE
.       .    punct  1
"""

# Talks on trade.
TALKS_ON_TRADE = """
Talks  NNS  ROOT   0  talk
on     IN   prep   0
trade  NN   pobj   1
.      .    punct  0
"""

# A deal could come when leaders gather for a summit.
WHEN_LEADERS_GATHER = """
A        DT         det     1
deal     NN         nsubj   3
could    MD         aux     3
come     VB         ROOT    3
when     WRB:SCONJ  advmod  6
leaders  NNS        nsubj   6  leader
gather   VBP        advcl   3
for      IN         prep    6
a        DT         det     9
summit   NN         pobj    7
.        .          punct   3
"""

# Joe Biden met Xi Jinping on Friday.
MET_ON_FRIDAY = """
Joe      NNP  compound  1  -     PERSON
Biden    NNP  nsubj     2  -     PERSON
met      VBD  ROOT      2  meet
Xi       NNP  compound  4  -     PERSON
Jinping  NNP  dobj      2  -     PERSON
on       IN   prep      2
Friday   NNP  pobj      5  -     DATE
.        .    punct     2
"""


# Joe Biden met Xi Jinping. Talks between the two leaders ended.
TWO_LEADERS = """
Joe      NNP  compound  1  -       PERSON
Biden    NNP  nsubj     2  -       PERSON
met      VBD  ROOT      2  meet
Xi       NNP  compound  4  -       PERSON
Jinping  NNP  dobj      2  -       PERSON
.        .    punct     2
Talks    NNS  nsubj     11 talk
between  IN   prep      6
the      DT   det       10
two      CD   nummod    10
leaders  NNS  pobj      7  leader
ended    VBD  ROOT      11 end
.        .    punct     11
"""

# The G20 summit opened. (the tagger missed the name: no entity)
G20_SUMMIT = """
The     DT   det       2
G20     NNP  compound  2
summit  NN   nsubj     3
opened  VBD  ROOT      3  open
.       .    punct     3
"""

# The Chile visit ended.
CHILE_VISIT = """
The    DT   det       2
Chile  NNP  compound  2  -    GPE
visit  NN   nsubj     3
ended  VBD  ROOT      3  end
.      .    punct     3
"""

# Brian Mulroney met with Ronald Reagan.
MET_WITH = """
Brian     NNP  compound  1  -     PERSON
Mulroney  NNP  nsubj     2  -     PERSON
met       VBD  ROOT      2  meet
with      IN   prep      2
Ronald    NNP  compound  5  -     PERSON
Reagan    NNP  pobj      3  -     PERSON
.         .    punct     2
"""
