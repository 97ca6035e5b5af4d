import type { BallotStepsTexts } from './steps-texts.js';

/** English. */
export const en: BallotStepsTexts = {
  back: 'Back to your choice',
  codeLabel: 'Voting code',
  codeHint: 'The code is in the letter you received.',
  verify: 'Check code',
  verifying: 'Checking the code…',
  verifyFailed: 'This code is not right or has been used.',
  openVerify: 'In this round you do not need to prove who you are.',
  emailTitle: 'No letter? Vote with your e-mail address',
  emailLabel: 'Your e-mail address',
  emailHint: 'We will send you a code to vote with. Your address is not kept with your vote.',
  sendEmail: 'Send me a code',
  emailSent: (email) => `We sent a code to ${email}. Please enter it below.`,
  otpLabel: 'Code from the e-mail',
  selectionKept: 'Your choice is kept, even if you close the page.',
  districtChanged: (name) =>
    `Your code belongs to district ${name}. Please check your choice for that district.`,
  reviewTotal: (amount) => `Together: ${amount}`,
  cast: 'Cast your vote',
  casting: 'Sending your vote…',
  doneTitle: 'Thank you! Your vote has been cast.',
  receipt: 'Your receipt code',
  receiptHint: 'Keep this code: with it you can change your vote while voting is open.',
  nextVoter: 'Next voter',
  ageBand:
    'Your age (you may skip this; counted apart from your vote, so the city sees who takes part)',
  ageBandSkip: 'I’d rather not say',
  pointsCount: (count) => (count === 1 ? '1 point' : `${count} points`),
  receiptMismatch:
    'The receipt code kept on this device does not belong to your code: perhaps someone else voted here before. Your vote has not been cast yet. Vote as a new voter; an earlier vote of your own then stays as it was.',
  castAsNew: 'Vote as a new voter',
  alreadyCast:
    'This code has already been used to vote. A vote can only be changed with its receipt code.',
  unknownProposal:
    'One of the proposals you chose is no longer on the ballot. Go back to your choice and check it.',
  alreadyVoted: 'Someone has already voted in this round on this device.',
  receiptLabel: 'Receipt code:',
  changeHint:
    'Was that you? Then you can change your vote: your new choice replaces the earlier one. Not voted yourself yet? Just choose below.',
  voteIsIn:
    'That vote is in and counts; this round does not allow changing it. Not voted yourself yet? Just choose below.',
  changeVote: 'Change your vote',
  changing:
    'You are changing your vote: your new choice replaces the earlier one. You will need your code again.',
  idleTitle: 'Are you still there?',
  idleWarning: (seconds) =>
    `If you do nothing, the ballot starts over in ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and your choice is gone.`,
  idleStay: 'I’m still here',
};
