// `npm run bench` only: a bare page with the same Fluent UI components as the tab, built by the same webpack
// config, so the tab's bundle size can be read as a ratio over what Fluent alone costs.
import {
  Badge,
  Button,
  Card,
  CardHeader,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  FluentProvider,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Rating,
  SearchBox,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Textarea,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import { LockClosedRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { createRoot } from 'react-dom/client';

const themes = [teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme];

function Baseline() {
  return (
    <FluentProvider theme={themes[new Date().getDay() % 3]}>
      <TabList>
        <Tab value="a">A</Tab>
      </TabList>
      <Card>
        <CardHeader header={<Text>Card</Text>} />
        <Badge>b</Badge>
        <Checkbox label="c" />
        <Field label="f">
          <Input />
        </Field>
        <Select>
          <option>o</option>
        </Select>
        <Textarea />
        <SearchBox />
        <ProgressBar value={0.5} />
        <Rating />
        <RadioGroup>
          <Radio value="r" label="r" />
        </RadioGroup>
        <Spinner />
        <MessageBar>
          <MessageBarBody>m</MessageBarBody>
        </MessageBar>
        <Menu>
          <MenuTrigger>
            <Button icon={<MoreHorizontalRegular />} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<LockClosedRegular />}>i</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Dialog>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>t</DialogTitle>
              <DialogContent>c</DialogContent>
              <DialogActions>
                <Button>ok</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </Card>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Baseline />);
